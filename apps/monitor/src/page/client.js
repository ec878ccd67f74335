// The live page: one EventSource on /events, one card per group, one uPlot chart per card.
/* global uPlot */
const T = JSON.parse(document.getElementById("strings").textContent);
const MAX_POINTS = 300;
const root = document.getElementById("clusters");
const conn = document.getElementById("conn");
/** key "cluster/group" → { card, chart, data } */
const cards = new Map();

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function fmt(value, digits = 0) {
  if (value === null || value === undefined) return "–";
  return Number(value).toLocaleString("en", { maximumFractionDigits: digits });
}

function clusterSection(cluster) {
  const id = `cluster-${cluster.name}`;
  let section = document.getElementById(id);
  if (!section) {
    section = el("section", "cluster");
    section.id = id;
    const h2 = el("h2");
    h2.append(el("span", "name", cluster.name), el("span", "meta"));
    section.append(h2, el("div", "errors"), el("div", "grid"), el("ul", "unsupported"));
    root.append(section);
  }
  section.querySelector(".meta").textContent =
    `${cluster.broker} · ${cluster.addresses.join(", ")} · ${T.source}: ${cluster.source || "–"}`;
  const errors = section.querySelector(".errors");
  errors.replaceChildren(...(cluster.error ? [el("div", "err", `${T.error}: ${cluster.error}`)] : []));
  const unsupported = section.querySelector(".unsupported");
  unsupported.replaceChildren(
    ...cluster.unsupported.map((item) =>
      el("li", "", `${T.unsupported}: ${item.name} (${item.kind}): ${item.reason}`),
    ),
  );
  return section;
}

function makeChart(container) {
  const width = Math.max(260, container.clientWidth - 4);
  const options = {
    width,
    height: 150,
    legend: { show: true },
    scales: {
      x: { time: true },
      lag: { auto: true, range: (_u, _min, max) => [0, Math.max(1, max)] },
      s: { auto: true },
    },
    series: [
      { label: T.time },
      { label: T.lagChart, scale: "lag", stroke: "#c62828", width: 2 },
      { label: T.lagSecondsChart, scale: "s", stroke: "#1565c0", width: 1.5, dash: [4, 3] },
    ],
    axes: [{}, { scale: "lag", size: 50 }, { scale: "s", side: 1, size: 40, grid: { show: false } }],
  };
  return new uPlot(options, [[], [], []], container);
}

function groupCard(grid, cluster, group) {
  const key = `${cluster.name}/${group.group}`;
  let entry = cards.get(key);
  if (!entry) {
    const card = el("div", "card");
    card.dataset.group = group.group;
    const h3 = el("h3");
    h3.append(el("span", "badge"), el("span", "gname", group.group), el("span", "kind", group.kind));
    const chart = el("div", "chart");
    card.append(h3, el("div", "numbers"), el("div", "bars"), el("div", "note"), chart);
    grid.append(card);
    entry = { card, chartBox: chart, chart: null, data: [[], [], []] };
    cards.set(key, entry);
    for (const point of group.history || []) push(entry, point.t, point.lag, point.lagSeconds);
  }
  return entry;
}

function push(entry, t, lag, lagSeconds) {
  const [ts, lags, seconds] = entry.data;
  if (ts.length > 0 && ts[ts.length - 1] >= t) return;
  ts.push(t);
  lags.push(lag);
  seconds.push(lagSeconds);
  if (ts.length > MAX_POINTS) {
    ts.shift();
    lags.shift();
    seconds.shift();
  }
}

function renderGroup(entry, group, at) {
  const { card } = entry;
  const badge = card.querySelector(".badge");
  badge.className = `badge s-${group.status}`;
  badge.textContent = group.status;
  const numbers = card.querySelector(".numbers");
  const items = [
    [T.totalLag, fmt(group.totallag)],
    [T.lagSeconds, group.lag_seconds === null ? "–" : `${fmt(group.lag_seconds, 1)} ${T.seconds}`],
    [T.complete, `${fmt(group.complete * 100)} %`],
  ];
  if (group.consumers !== null) items.push([T.consumers, fmt(group.consumers)]);
  if (group.unacked !== null) items.push([T.unacked, fmt(group.unacked)]);
  numbers.replaceChildren(
    ...items.map(([label, value]) => {
      const span = el("span", "", `${label} `);
      const b = el("b", "", value);
      b.dataset.field = label;
      span.append(b);
      return span;
    }),
  );
  card.querySelector(".numbers b").classList.add("total-lag");
  const bars = card.querySelector(".bars");
  bars.replaceChildren(
    ...group.partitions.slice(0, 32).map((p) => {
      const committed = p.end ? p.end.offset : null;
      const logEnd = committed === null ? null : committed + p.current_lag;
      const share = logEnd ? Math.min(1, committed / logEnd) : p.current_lag === 0 ? 1 : 0;
      const bar = el("div", "bar");
      const label =
        committed === null
          ? `${p.topic} · ${T.totalLag} ${fmt(p.current_lag)}`
          : `${p.topic}[${p.partition}] ${T.committed} ${fmt(committed)} / ${T.logEnd} ${fmt(logEnd)} · ${p.status}`;
      const track = el("div", "track");
      const fill = el("div", "fill");
      fill.style.width = `${(share * 100).toFixed(1)}%`;
      track.append(fill);
      bar.append(el("div", "", label), track);
      return bar;
    }),
  );
  card.querySelector(".note").textContent = group.status_basis === "queue depth" ? T.statusBasisQueue : "";
  push(entry, at, group.totallag, group.lag_seconds);
  if (!entry.chart) entry.chart = makeChart(entry.chartBox);
  entry.chart.setData(entry.data);
}

function render(snapshot) {
  const at = Date.parse(snapshot.at) / 1000;
  const seen = new Set();
  for (const cluster of snapshot.clusters) {
    const section = clusterSection(cluster);
    const grid = section.querySelector(".grid");
    if (cluster.groups.length === 0 && !grid.querySelector(".empty"))
      grid.append(el("div", "note empty", T.noGroups));
    if (cluster.groups.length > 0) grid.querySelector(".empty")?.remove();
    for (const group of cluster.groups) {
      const entry = groupCard(grid, cluster, group);
      renderGroup(entry, group, at);
      seen.add(`${cluster.name}/${group.group}`);
    }
  }
  for (const [key, entry] of cards) {
    if (seen.has(key)) continue;
    entry.chart?.destroy();
    entry.card.remove();
    cards.delete(key);
  }
  conn.textContent = `${T.live} · ${T.updated} ${new Date(snapshot.at).toLocaleTimeString(document.documentElement.lang)}`;
}

const source = new EventSource("/events");
source.onmessage = (event) => render(JSON.parse(event.data));
source.onerror = () => {
  conn.textContent = T.disconnected;
};
window.addEventListener("resize", () => {
  for (const entry of cards.values())
    entry.chart?.setSize({ width: Math.max(260, entry.chartBox.clientWidth - 4), height: 150 });
});
