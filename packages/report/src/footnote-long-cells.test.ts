import { describe, expect, it } from "vitest";
import { footnoteLongCells } from "./footnote-long-cells.js";

describe("footnoteLongCells", () => {
  it("moves texts wider than the limit to numbered notes naming row and column, and keeps the rest", () => {
    const { table, notes } = footnoteLongCells(
      {
        headers: ["metric", "kafka", "redis-list"],
        rows: [
          ["decreaseError", "Topic currently has 6 partitions, which is higher than the requested 3.", null],
          ["policy", "age 1000 ms", "파티션을 줄일 수 없습니다 파티션을"],
          ["a very long row label that stays", 1, true],
        ],
      },
      20,
    );
    expect(table.rows).toEqual([
      ["decreaseError", "[1]", null],
      ["policy", "age 1000 ms", "[2]"],
      ["a very long row label that stays", 1, true],
    ]);
    expect(notes).toEqual([
      "[1] decreaseError · kafka: Topic currently has 6 partitions, which is higher than the requested 3.",
      "[2] policy · redis-list: 파티션을 줄일 수 없습니다 파티션을",
    ]);
  });
});
