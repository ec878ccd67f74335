export { type ConnectionSettings, DEFAULT_SETTINGS, settingsFromEnv } from "./connection-settings.js";
export { capabilitiesOf, createClient, parseTargets } from "./create-client.js";
