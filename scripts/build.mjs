// Compiles the TypeScript sources to plain JavaScript in dist/, mirroring the tree, so the app runs
// without a TypeScript loader: about 100 MB less memory and a faster start than compiling on load.
// Runs on `npm install` (prepare) and, when sources changed since, before `nhipcau` starts.
// Tests and tools keep running from source.
//
// Each build goes to its own folder dist/<id>/ and dist/current.json names the newest: a build never
// changes files under a process that is running (servers load some modules lazily), and processes
// that build at the same moment do not disturb each other.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
const CURRENT = path.join(DIST, 'current.json');
/** Older builds are removed, keeping this many (a long-running server may still load from one). */
const KEEP = 5;
/** Folders whose files make up the app; TypeScript is compiled, everything else is copied. */
const TREES = ['src', 'packages/text-vi/src', 'packages/text-vi/cli', 'packages/text-vi/data', 'packages/text-vi/models'];
const TEXT_VI = 'packages/text-vi';
const isTs = (f) => /\.tsx?$/.test(f) && !/\.d\.ts$/.test(f);
const isTest = (f) => /\.test\.tsx?$/.test(f);

function walk(rel, out = []) {
  const abs = path.join(ROOT, rel);
  if (!existsSync(abs)) return out;
  for (const entry of readdirSync(abs, { withFileTypes: true })) {
    const child = path.join(rel, entry.name);
    if (entry.isDirectory()) walk(child, out);
    else out.push(child);
  }
  return out;
}

const sourceFiles = () => TREES.flatMap((t) => walk(t)).filter((f) => !isTest(f));

function currentBuild() {
  try {
    const { id } = JSON.parse(readFileSync(CURRENT, 'utf8'));
    const dir = path.join(DIST, id);
    return existsSync(path.join(dir, '.built')) ? dir : undefined;
  } catch {
    return undefined;
  }
}

/** The newest build when no source file changed since it was made. */
export function freshBuild() {
  const dir = currentBuild();
  if (!dir) return undefined;
  const stamp = path.join(dir, '.built');
  const built = statSync(stamp).mtimeMs;
  const files = sourceFiles();
  if (readFileSync(stamp, 'utf8') !== String(files.length)) return undefined; // a file was added or removed
  return files.every((f) => statSync(path.join(ROOT, f)).mtimeMs <= built) ? dir : undefined;
}

/** Rewrites import specifiers of one compiled file: ./x.ts → ./x.js, @nhipcau/text-vi → its compiled files. */
function rewrite(code, fileRel) {
  const dir = path.dirname(fileRel);
  const toTextVi = (sub) => {
    let rel = path.relative(dir, path.join(TEXT_VI, sub)).split(path.sep).join('/');
    if (!rel.startsWith('.')) rel = `./${rel}`;
    return rel;
  };
  return code
    .replace(/(['"])(\.\.?\/[^'"\n]*?)\.tsx?\1/g, (_m, q, p) => `${q}${p}.js${q}`)
    .replace(/(['"])@nhipcau\/text-vi\/node\1/g, (_m, q) => `${q}${toTextVi('src/node.js')}${q}`)
    .replace(/(['"])@nhipcau\/text-vi\/cli\1/g, (_m, q) => `${q}${toTextVi('cli/main.js')}${q}`)
    .replace(/(['"])@nhipcau\/text-vi\1/g, (_m, q) => `${q}${toTextVi('src/index.js')}${q}`);
}

export async function build() {
  const esbuild = await import('esbuild');
  const files = sourceFiles();
  const id = `${Date.now().toString(36)}-${process.pid}`;
  const tmp = path.join(DIST, id);
  mkdirSync(tmp, { recursive: true });
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: files.filter(isTs),
    outdir: tmp,
    outbase: '.',
    bundle: false,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    sourcemap: false,
    write: false,
    logLevel: 'silent',
  });
  for (const out of result.outputFiles) {
    const rel = path.relative(tmp, out.path);
    mkdirSync(path.dirname(out.path), { recursive: true });
    writeFileSync(out.path, rewrite(out.text, rel));
  }
  for (const f of files.filter((f) => !isTs(f))) {
    const target = path.join(tmp, f);
    mkdirSync(path.dirname(target), { recursive: true });
    if (f.endsWith('.mjs')) writeFileSync(target, rewrite(readFileSync(path.join(ROOT, f), 'utf8'), f));
    else cpSync(path.join(ROOT, f), target);
  }
  writeFileSync(path.join(tmp, 'package.json'), '{"type":"module","private":true}\n');
  writeFileSync(path.join(tmp, '.built'), String(files.length));
  const next = `${CURRENT}.${process.pid}`;
  writeFileSync(next, JSON.stringify({ id }));
  renameSync(next, CURRENT); // atomic: readers see the old build or the new one
  const builds = readdirSync(DIST, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort((a, b) => statSync(path.join(DIST, b)).mtimeMs - statSync(path.join(DIST, a)).mtimeMs);
  for (const old of builds.slice(KEEP)) if (old !== id) rmSync(path.join(DIST, old), { recursive: true, force: true });
  return tmp;
}

/** The entry module of a fresh build (building first when needed), or undefined when the compiler is missing. */
export async function ensureBuilt() {
  const dir = freshBuild() ?? (await build().catch(() => undefined));
  return dir ? path.join(dir, 'src/cli/main.js') : undefined;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const dir = await build();
  console.log(`nhipcau: compiled to dist/ in ${Date.now() - started} ms`);
  if (process.argv.includes('--template')) {
    // A migrated empty database for new data folders (see src/db/template.ts); optional, so never fatal.
    const { ensureTemplate } = await import(pathToFileURL(path.join(dir, 'src/db/template.js')).href);
    await ensureTemplate().then(
      (file) => console.log(`nhipcau: database template ready (${path.relative(ROOT, file)})`),
      (e) => console.warn(`nhipcau: no database template (${e.message}); new data folders will be created from scratch`),
    );
  }
}
