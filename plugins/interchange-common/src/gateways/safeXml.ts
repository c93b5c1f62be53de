import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { checkConfigText, inputLimits } from '../limits/inputLimits';

/** Elements that may repeat in Apigee XML: always lists, even with one child. */
const LISTS = new Set(['Flow', 'Step', 'RouteRule', 'VirtualHost', 'Server']);
/** Root elements read as lists too (inside a RouteRule, TargetEndpoint is a name). */
const ROOT_LISTS = new Set(['ProxyEndpoint', 'TargetEndpoint']);

const options = (maxNestedTags: number) => ({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name: string, jpath: unknown) =>
    LISTS.has(name) || (ROOT_LISTS.has(name) && jpath === name),
  // Only the five predefined entities and character references occur
  // (`&quot;` in Conditions); no DTD is ever read (refused below), and
  // expansion is capped all the same.
  processEntities: {
    enabled: true,
    maxEntityCount: 0,
    maxTotalExpansions: 100_000,
    maxExpandedLength: 1_000_000,
  } as any,
  htmlEntities: false,
  maxNestedTags,
});

// One parser per depth limit in force (the limit is fixed at construction).
let parser: { depth: number; parser: XMLParser } | undefined;

function parserFor(depth: number): XMLParser {
  if (parser?.depth !== depth) {
    parser = { depth, parser: new XMLParser(options(depth) as any) };
  }
  return parser.parser;
}

/**
 * An XML document of a bundle as plain values (attributes as `@_name`,
 * text beside attributes as `#text`). Refuses a DOCTYPE or ENTITY
 * declaration before parsing (bundles never have one; no external entity
 * is ever resolved and no entity defined), checks size, binary content and
 * well-formedness, and bounds nesting. Errors name the file.
 */
export function parseXml(text: string, where: string): Record<string, any> {
  checkConfigText(text, where, { json: false });
  if (/<!(DOCTYPE|ENTITY)/i.test(text)) {
    throw new Error(
      `${where}: declares a DOCTYPE or ENTITY; Apigee bundles never do, and Interchange does not read DTDs: remove the declaration`,
    );
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new Error(
      `${where}: not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`,
    );
  }
  try {
    return parserFor(inputLimits().maxDepth).parse(text);
  } catch (e) {
    throw new Error(`${where}: ${(e as Error).message}`);
  }
}

/** The text of an element that may also carry attributes. */
export function xmlText(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return value;
  }
  if (value && typeof value === 'object' && '#text' in value) {
    return String((value as Record<string, unknown>)['#text']);
  }
  return undefined;
}

/** An element that may be absent, empty (`''`) or a lone child: always an object. */
export function xmlElement(value: unknown): Record<string, any> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, any>)
    : {};
}

/** A repeated element as a list (the parser lists known ones; others may be single). */
export function xmlList(value: unknown): Record<string, any>[] {
  if (value === undefined || value === null || value === '') {
    return [];
  }
  return (Array.isArray(value) ? value : [value]).map(v =>
    typeof v === 'object' ? v : { '#text': String(v) },
  );
}
