// The shape of the web layer in figures: routes and the schemas they declare (from the running app's
// route table), casts of req.params/query/body, queries written inside route files, and the longest
// function that registers routes (from the sources). Run: node --import tsx scripts/route-shape.ts [--list]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import ts from 'typescript';
import { createContext } from '../src/app/modules.ts';
import { MODULES } from '../src/app/modules.ts';
import { loadConfig } from '../src/config/env.ts';
import { openDatabase } from '../src/db/client.ts';
import { buildServer } from '../src/web/server.tsx';

const ROOT = path.resolve(import.meta.dirname, '..');
const SRC = path.join(ROOT, 'src');
const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'route']);
const QUERY_CALLS = new Set(['select', 'selectDistinct', 'insert', 'update', 'delete', 'execute', 'query', 'transaction']);
const list = process.argv.includes('--list');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sources(file);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [file] : [];
  });
}

const unwrap = (node: ts.Expression): ts.Expression => {
  if (ts.isParenthesizedExpression(node)) return unwrap(node.expression);
  // (req.body ?? {}) as …
  if (ts.isBinaryExpression(node) && [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(node.operatorToken.kind)) return unwrap(node.left);
  return node;
};
/** req.params, req.query, req.body, or the request itself (cast to reach them typed). */
const isRequestInput = (node: ts.Expression): boolean => {
  const e = unwrap(node);
  if (ts.isIdentifier(e)) return e.text === 'req';
  return ts.isPropertyAccessExpression(e) && ['params', 'query', 'body'].includes(e.name.text) && /\breq$/.test(e.expression.getText());
};
const isRegistration = (node: ts.Node): node is ts.CallExpression =>
  ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && METHODS.has(node.expression.name.text) && /^(app|scoped|api)$/.test(node.expression.expression.getText()) && node.arguments.length >= 2 && ts.isStringLiteralLike(node.arguments[0]) && node.arguments[0].text.startsWith('/');
const lines = (sf: ts.SourceFile, node: ts.Node) => sf.getLineAndCharacterOfPosition(node.getEnd()).line - sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
const isFunction = (node: ts.Node): node is ts.FunctionLikeDeclaration => ts.isFunctionDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isMethodDeclaration(node);

interface FileFigures {
  file: string;
  routes: number;
  casts: number;
  queries: number;
  registrar?: { name: string; lines: number };
  handler?: { route: string; lines: number };
}

function measure(file: string): FileFigures {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: FileFigures = { file: path.relative(ROOT, file), routes: 0, casts: 0, queries: 0 };
  const registrars = new Map<ts.Node, number>();
  const visit = (node: ts.Node): void => {
    if ((ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) && isRequestInput(node.expression)) out.casts++;
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && QUERY_CALLS.has(node.expression.name.text) && /\b(db|database|tx)$/.test(node.expression.expression.getText())) out.queries++;
    if (ts.isTaggedTemplateExpression(node) && node.tag.getText() === 'sql') out.queries++;
    if (isRegistration(node)) {
      out.routes++;
      const handler = node.arguments[node.arguments.length - 1];
      const route = `${(node.expression as ts.PropertyAccessExpression).name.text.toUpperCase()} ${(node.arguments[0] as ts.StringLiteral).text}`;
      const n = lines(sf, handler);
      if (!out.handler || n > out.handler.lines) out.handler = { route, lines: n };
      let up: ts.Node | undefined = node.parent;
      while (up && !isFunction(up)) up = up.parent;
      if (up) registrars.set(up, lines(sf, up));
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  for (const [fn, n] of registrars) {
    const name = (fn as ts.FunctionDeclaration).name?.getText() ?? (ts.isVariableDeclaration(fn.parent) ? fn.parent.name.getText() : `(anonymous, line ${sf.getLineAndCharacterOfPosition(fn.getStart()).line + 1})`);
    if (!out.registrar || n > out.registrar.lines) out.registrar = { name, lines: n };
  }
  return out;
}

const figures = sources(SRC).map(measure);
const routeFiles = figures.filter((f) => f.routes > 0);

// The running app's route table: what each route declares.
const config = loadConfig({ NHIPCAU_SECRET: 'route-shape-route-shape-route-shape-0123', LOG_LEVEL: 'silent', NHIPCAU_DATA_DIR: path.join(process.env.TMPDIR ?? '/tmp', 'nhipcau-route-shape') });
const database = await openDatabase({});
const ctx = await createContext(config, { database, log: pino({ level: 'silent' }) });
interface Declared {
  route: string;
  schema: boolean;
  missing: string[];
}
const declared: Declared[] = [];
const { app } = await buildServer(ctx, {
  modules: [
    (a) => {
      a.addHook('onRoute', (r) => {
        for (const method of ([] as string[]).concat(r.method)) {
          if (method === 'HEAD' || r.url.startsWith('/static/*')) continue;
          const s = (r.schema ?? {}) as Record<string, unknown>;
          const missing: string[] = [];
          if (/[:*]/.test(r.url) && !s.params) missing.push('params');
          declared.push({ route: `${method} ${r.url}`, schema: Boolean(s.params || s.querystring || s.body || s.response || s.summary), missing });
        }
      });
    },
    ...MODULES,
  ],
});
await app.ready();
await app.close();
await database.close();

const total = declared.length;
const withSchema = declared.filter((d) => d.schema).length;
const noParams = declared.filter((d) => d.missing.includes('params'));
const longest = routeFiles.filter((f) => f.registrar).sort((a, b) => b.registrar!.lines - a.registrar!.lines);
const longestHandler = routeFiles.filter((f) => f.handler).sort((a, b) => b.handler!.lines - a.handler!.lines);
const sum = (k: 'casts' | 'queries', fs: FileFigures[]) => fs.reduce((s, f) => s + f[k], 0);

console.log(`routes: ${total}; with a schema: ${withSchema}; with path parameters but no params schema: ${noParams.length}`);
console.log(`casts of req.params|query|body: ${sum('casts', figures)} (in route files ${sum('casts', routeFiles)})`);
console.log(`queries written in route files: ${sum('queries', routeFiles)}`);
console.log(`longest function that registers routes: ${longest[0]?.registrar?.name} in ${longest[0]?.file}, ${longest[0]?.registrar?.lines} lines`);
console.log(`longest handler: ${longestHandler[0]?.handler?.route} in ${longestHandler[0]?.file}, ${longestHandler[0]?.handler?.lines} lines`);
if (list) {
  console.log('\nroute files: routes, casts, queries, longest registering function, longest handler');
  for (const f of routeFiles.sort((a, b) => (b.registrar?.lines ?? 0) - (a.registrar?.lines ?? 0))) console.log(`  ${f.file}: ${f.routes}, ${f.casts}, ${f.queries}, ${f.registrar?.name} ${f.registrar?.lines}, ${f.handler?.lines}`);
  const elsewhere = figures.filter((f) => f.routes === 0 && f.casts > 0);
  if (elsewhere.length) console.log(`\ncasts outside route files:\n${elsewhere.map((f) => `  ${f.file}: ${f.casts}`).join('\n')}`);
  console.log(`\nroutes without a schema:\n${declared.filter((d) => !d.schema).map((d) => `  ${d.route}${d.missing.length ? ` (needs ${d.missing.join(', ')})` : ''}`).join('\n')}`);
}
