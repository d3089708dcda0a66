// `nhipcau text query 'QUERY'`: JSONL {"id","text"} in; the lines whose text matches, verbatim.
// Unlike the other commands, non-matching lines produce no output; a malformed line produces an
// {"id","error"} line. A query that does not parse is reported with its position, exit code 2.
import { QueryParseError, compileQuery, matchQuery, parseQuery, prepareDocument, type QueryAst } from '../../src/query/index.ts';
import { readFileSync } from 'node:fs';
import { compileGazetteer, findPlaces, type Gazetteer, type GazetteerData } from '../../src/places/index.ts';
import type { TextCommand } from '../main.ts';
import { errorLine, LineWriter, parseRecord, readLines } from '../lines.ts';

const usesPlaces = (ast: QueryAst): boolean => {
  switch (ast.kind) {
    case 'and': case 'or': return ast.items.some(usesPlaces);
    case 'not': return usesPlaces(ast.item);
    case 'field': return ast.field === 'place';
    default: return false;
  }
};

const command: TextCommand = {
  summary: 'print the JSONL records whose text matches a topic query',
  usage: [
    "Usage: nhipcau text query 'QUERY' < posts.jsonl",
    '',
    'Reads JSONL records {"id", "text", "source"?, "places"?} and prints, verbatim, those whose text',
    'matches QUERY. Non-matching records print nothing; malformed lines print {"id","error"}.',
    'Syntax: words, "phrases", AND, OR, NOT, -word, ( ), NEAR/n, prefix*, =exact, source:x, place:id.',
    'Matching ignores case and diacritics except for =terms. place: uses the record\'s "places" ids,',
    'or the places found in its text with the Quận 10 gazetteer. A query error exits with code 2.',
  ].join('\n'),
  async run(argv, io) {
    if (argv.length !== 1) {
      io.error.write(`nhipcau text query: expected one QUERY argument\n\n${command.usage}\n`);
      return 2;
    }
    let ast: QueryAst;
    try {
      ast = parseQuery(argv[0]);
    } catch (e) {
      if (!(e instanceof QueryParseError)) throw e;
      io.error.write(`nhipcau text query: ${e.message}\n  ${argv[0]}\n  ${' '.repeat(e.position)}^\n`);
      return 2;
    }
    const compiled = compileQuery(ast);
    let gazetteer: Gazetteer | null = null;
    // Read directly (not through src/node.ts) so this command loads only what it uses.
    if (usesPlaces(ast)) gazetteer = compileGazetteer(JSON.parse(readFileSync(new URL('../../data/places-quan-10.json', import.meta.url), 'utf8')) as GazetteerData);

    const writer = new LineWriter(io.output);
    for await (const line of readLines(io.input)) {
      if (line.trim() === '') continue; // blank lines are not records
      const parsed = parseRecord(line);
      if (!parsed.ok) { await writer.write(errorLine(parsed.id, parsed.error)); continue; }
      const { record } = parsed;
      try {
        const text = prepareDocument(record.text);
        const places = Array.isArray(record.places) ? record.places.filter((p): p is string => typeof p === 'string')
          : gazetteer ? findPlaces(record.text, gazetteer).map((p) => p.id) : [];
        const source = typeof record.source === 'string' ? record.source : undefined;
        if (matchQuery(compiled, { text, source, places })) await writer.write(line);
      } catch (e) {
        await writer.write(errorLine(record.id, e instanceof Error ? e.message : String(e)));
      }
    }
    await writer.flush();
    return 0;
  },
};

export default command;
