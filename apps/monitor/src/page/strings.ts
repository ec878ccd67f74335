import { type Catalogues, type Lang, pick } from "@brokerlab/i18n";

/**
 * Every text the live page shows, in one place per language (the client reads them from the page, never
 * from its own code). The Korean catalogue has exactly these keys: the compiler refuses a missing or extra
 * one. Burrow's status words (OK, WARN, ERR, STOP, STALL, REWIND) and the API's field names stay as they are.
 */
export const PAGE_STRINGS = {
  title: "brokerlab monitor",
  subtitle: "Consumer lag on every cluster: Burrow's status rules, lag in seconds, live",
  connecting: "connecting…",
  live: "live",
  disconnected: "disconnected, retrying…",
  updated: "updated",
  cluster: "cluster",
  source: "read from",
  error: "error",
  noGroups: "no groups or queues yet",
  totalLag: "lag",
  lagSeconds: "lag seconds",
  records: "records",
  seconds: "s",
  partition: "partition",
  committed: "committed",
  logEnd: "log end",
  ready: "ready",
  unacked: "unacked",
  consumers: "consumers",
  complete: "window",
  statusBasisQueue: "status from queue depth (a queue keeps no commits)",
  unsupported: "not monitored",
  lagChart: "lag (records)",
  lagSecondsChart: "lag (seconds)",
  time: "time",
};

export type PageStrings = typeof PAGE_STRINGS;

/** 라이브 페이지의 한국어 문구 (시드 노트의 용어: 컨슈머 랙, 오프셋, 파티션, 레코드, 컨슈머 그룹). */
export const PAGE_STRINGS_KO: PageStrings = {
  title: "brokerlab 모니터",
  subtitle: "모든 클러스터의 컨슈머 랙: 버로우(Burrow)의 상태 규칙, 초 단위 랙, 실시간",
  connecting: "연결하는 중…",
  live: "실시간",
  disconnected: "연결이 끊김, 다시 시도하는 중…",
  updated: "갱신",
  cluster: "클러스터",
  source: "읽은 곳",
  error: "오류",
  noGroups: "아직 컨슈머 그룹이나 큐가 없음",
  totalLag: "랙",
  lagSeconds: "랙(초)",
  records: "레코드",
  seconds: "초",
  partition: "파티션",
  committed: "커밋된 오프셋",
  logEnd: "로그 끝 오프셋",
  ready: "대기",
  unacked: "ack 안 됨",
  consumers: "컨슈머",
  complete: "윈도우",
  statusBasisQueue: "큐 깊이로 판단한 상태 (큐는 커밋을 남기지 않음)",
  unsupported: "모니터링하지 않음",
  lagChart: "컨슈머 랙 (레코드)",
  lagSecondsChart: "컨슈머 랙 (초)",
  time: "시각",
};

const CATALOGUES: Catalogues<PageStrings> = { en: PAGE_STRINGS, ko: PAGE_STRINGS_KO };

export function pageStringsFor(lang: Lang): PageStrings {
  return pick(CATALOGUES, lang);
}
