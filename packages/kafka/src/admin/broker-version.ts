/**
 * The Kafka release a broker runs, as far as the protocol tells. No Kafka API returns the software version
 * (ApiVersions lists request versions only), but `inter.broker.protocol.version` defaults to the broker's own
 * release (e.g. "3.9-IV0" on 3.9.x). An explicitly configured value may be older, so it is then a lower bound.
 */
export function versionFromProtocol(interBrokerProtocol: string, isDefault: boolean): string {
  const match = /^(\d+)\.(\d+)/.exec(interBrokerProtocol);
  if (!match) return "unknown";
  const release = `${match[1]}.${match[2]}`;
  return isDefault ? release : `>=${release}`;
}
