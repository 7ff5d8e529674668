import { describe, expect, it } from "vitest";
import { jsonSyntaxErrorOffset, lineAndColumn, MAX_JSON_DEPTH, nestedDeeperThan } from "./validation.js";

describe("jsonSyntaxErrorOffset", () => {
  it.each(["{}", "[]", ' { "a" : [ 1 , -2.5e+3 , true , false , null , "x\\u00e9\\n" ] } ', '"s"', "0", "-0.1E2"])("finds no error in %j", (text) => {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(jsonSyntaxErrorOffset(text)).toBeUndefined();
  });

  // Where V8 does give a position, the scanner must agree with it.
  it.each([
    '{"a":1,}', '{"a" 1}', "[1,2", '{"a":"x', '{"a":"\u0001"}', '{"a":01}', '{"a":1} x', "", '{"a":-}', '{"a":"\\q"}',
    '{"a":1e}', '{"a":"\\u12G4"}', "[1.]", "{", '{"a"', "{,}", "[1 2]",
  ])("agrees with V8 on %j", (text) => {
    let position: number | undefined;
    try {
      JSON.parse(text);
    } catch (error) {
      const match = /position (\d+)/.exec((error as Error).message);
      position = match ? Number(match[1]) : text.length;
    }
    expect(position).toBeDefined();
    expect(jsonSyntaxErrorOffset(text)).toBe(position);
  });

  it.each([
    ['{"b": }', 6],
    ['{"a": tru}', 9],
    ["[,1]", 1],
    ['{"a":}', 5],
    ["nul", 3],
  ])("locates %j at offset %i, where V8 gives no position", (text, offset) => {
    expect(jsonSyntaxErrorOffset(text)).toBe(offset);
  });

  it("copes with deep nesting without recursion", () => {
    const deep = `${"[".repeat(100_000)}1${"]".repeat(99_999)}`;
    expect(jsonSyntaxErrorOffset(deep)).toBe(deep.length);
  });
});

describe("lineAndColumn", () => {
  it("counts lines and 1-based columns", () => {
    expect(lineAndColumn("ab\ncd\r\nef", 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn("ab\ncd\r\nef", 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn("ab\ncd\r\nef", 8)).toEqual({ line: 3, column: 2 });
  });
});

describe("nestedDeeperThan", () => {
  const nest = (levels: number, leaf: unknown = 1): unknown => {
    let value = leaf;
    for (let i = 0; i < levels; i++) value = i % 2 === 0 ? [value] : { k: value };
    return value;
  };

  it("counts objects and arrays, not the scalars in them", () => {
    expect(nestedDeeperThan(nest(3), 3)).toBe(false);
    expect(nestedDeeperThan(nest(4), 3)).toBe(true);
    expect(nestedDeeperThan(nest(3, {}), 3)).toBe(true);
    expect(nestedDeeperThan("text", 0)).toBe(false);
    expect(nestedDeeperThan({}, 0)).toBe(true);
    expect(nestedDeeperThan({}, 1)).toBe(false);
  });

  it("finds the deep branch wherever it is, and copes with any depth", () => {
    const wide = { a: [1, 2, { b: null }], z: [{}, { deep: nest(MAX_JSON_DEPTH) }] };
    expect(nestedDeeperThan(wide, MAX_JSON_DEPTH)).toBe(true);
    expect(nestedDeeperThan({ a: [1, 2, { b: null }], z: [{}, { shallow: nest(3) }] }, MAX_JSON_DEPTH)).toBe(false);
    expect(nestedDeeperThan(nest(50_000), MAX_JSON_DEPTH)).toBe(true);
  });
});
