import { describe, expect, it } from "vitest";
import { htmlPage } from "./html-page.js";
import { htmlTable } from "./html-table.js";

describe("htmlPage", () => {
  it("is one self-contained document with escaped text and trusted section HTML", () => {
    const page = htmlPage({
      title: "Report <1>",
      intro: "first & only\n\nsecond",
      sections: [
        { id: "a b", heading: "Retention", explanation: "logs <keep>", html: "<p id='raw'>x</p>" },
        { id: "c", heading: "Lag", html: "" },
      ],
      footer: "run 1",
    });
    expect(page.startsWith("<!doctype html>")).toBe(true);
    expect(page).toContain("<title>Report &lt;1&gt;</title>");
    expect(page).toContain("<p>first &amp; only</p>");
    expect(page).toContain("logs &lt;keep&gt;");
    expect(page).toContain("<p id='raw'>x</p>");
    expect(page).toContain('<section id="a-b">');
    expect(page).toContain('href="#a-b"');
    expect(page).not.toMatch(/<script|<link|src="http/);
  });
});

describe("htmlTable", () => {
  it("marks ✓/✗ cells and numeric columns", () => {
    const html = htmlTable({
      headers: ["m", "<k>"],
      rows: [
        ["ok", true],
        ["n", false],
      ],
    });
    expect(html).toContain('<td class="yes">✓</td>');
    expect(html).toContain('<td class="no">✗</td>');
    expect(html).toContain("<th>&lt;k&gt;</th>");
    expect(htmlTable({ headers: ["n"], rows: [[1]] })).toContain('<td class="num">1</td>');
  });
});

describe("htmlPage language", () => {
  it("sets <html lang> and the contents heading from the options", () => {
    const sections = [
      { id: "a", heading: "보존", html: "" },
      { id: "b", heading: "컨슈머 랙", html: "" },
    ];
    const page = htmlPage({ lang: "ko", title: "브로커랩", sections, contentsLabel: "목차" });
    expect(page).toContain('<html lang="ko">');
    expect(page).toContain("<strong>목차</strong>");
    expect(htmlPage({ title: "x", sections })).toContain('<html lang="en">');
  });
});
