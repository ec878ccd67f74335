import { describe, expect, it } from "vitest";
import { barChart, splitLabel } from "./bar-chart.js";
import { lineChart, stepChart } from "./line-chart.js";

describe("lineChart", () => {
  it("draws one path per series with a legend entry and axis labels", () => {
    const svg = lineChart({
      title: "Lag over time",
      xLabel: "seconds",
      yLabel: "records behind",
      series: [
        {
          name: "kafka",
          points: [
            [0, 10],
            [1, 5],
            [2, 0],
          ],
        },
        {
          name: "redis-stream",
          points: [
            [0, 8],
            [1, 2],
          ],
        },
      ],
    });
    expect(svg.startsWith('<svg class="bl-chart"')).toBe(true);
    expect(svg.match(/<path /g)).toHaveLength(2);
    expect(svg).toContain(">kafka</text>");
    expect(svg).toContain(">records behind</text>");
    expect(svg.endsWith("</svg>")).toBe(true);
  });

  it("escapes HTML in titles, labels and series names", () => {
    const svg = lineChart({
      title: "<script>alert(1)</script>",
      xLabel: "a & b",
      series: [{ name: '"quoted" <b>', points: [[1, 1]] }],
    });
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;script&gt;");
    expect(svg).toContain("a &amp; b");
    expect(svg).toContain("&quot;quoted&quot; &lt;b&gt;");
  });

  it("drops non-positive points on a log axis and labels it", () => {
    const svg = lineChart({
      title: "p",
      yLabel: "ms",
      logY: true,
      series: [
        {
          name: "p99",
          points: [
            [0, 0],
            [1, 10],
            [2, 1000],
          ],
        },
      ],
    });
    expect(svg.match(/<circle /g)).toHaveLength(2);
    expect(svg).toContain("ms (log)");
  });

  it("draws steps and markers, and says when there is no data", () => {
    const step = stepChart({
      title: "t",
      series: [
        {
          name: "s",
          points: [
            [0, 5],
            [2, 1],
          ],
        },
      ],
      markers: [{ x: 1, label: "policy" }],
    });
    expect(step).toMatch(/H[\d.]+V[\d.]+/);
    expect(step).toContain(">policy</text>");
    expect(lineChart({ title: "empty", series: [] })).toContain("no data");
  });
});

describe("barChart", () => {
  it("draws one bar per category and series, with escaped labels", () => {
    const svg = barChart({
      title: "Records per partition",
      categories: ["p0", "p1", "p<2>"],
      series: [
        { name: "keyed", values: [3, 4, 5] },
        { name: "unkeyed", values: [4, null, 4] },
      ],
    });
    expect(svg.match(/<rect x=/g)).toHaveLength(5);
    expect(svg).toContain("p&lt;2&gt;");
  });
});

describe("splitLabel", () => {
  it("breaks a long label at the dash nearest its middle, and leaves short ones whole", () => {
    expect(splitLabel("kafka", 50)).toEqual(["kafka"]);
    expect(splitLabel("rabbitmq-stream", 60)).toEqual(["rabbitmq-", "stream"]);
    expect(splitLabel("a-very-long-label", 40)).toEqual(["a-very-", "long-label"]);
    expect(splitLabel("nodashesatallhere", 10)).toEqual(["nodashesatallhere"]);
  });
});
