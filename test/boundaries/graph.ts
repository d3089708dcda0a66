// The import graph of the code, read with the TypeScript parser: static imports and re-exports, type-only
// imports, `import()` calls and `import('…')` types. Only what the boundary rules need: who imports whom.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export type ImportKind = 'static' | 'type' | 'dynamic';

export interface Import {
  /** The importing file, relative to the root, with forward slashes. */
  from: string;
  /** The specifier as written. */
  specifier: string;
  /** The file it names, relative to the root, when the specifier is relative; null for a package. */
  to: string | null;
  kind: ImportKind;
}

export function importsOf(file: string, text: string): Omit<Import, 'from' | 'to'>[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: Omit<Import, 'from' | 'to'>[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const typeOnly = !!node.importClause?.isTypeOnly || isTypeOnlyNamed(node.importClause?.namedBindings);
      found.push({ specifier: node.moduleSpecifier.text, kind: typeOnly ? 'type' : 'static' });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, kind: node.isTypeOnly ? 'type' : 'static' });
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      found.push({ specifier: node.moduleReference.expression.text, kind: 'static' });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const arg = node.arguments[0];
      if (arg && ts.isStringLiteralLike(arg)) found.push({ specifier: arg.text, kind: 'dynamic' });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push({ specifier: node.argument.literal.text, kind: 'type' });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function isTypeOnlyNamed(bindings: ts.NamedImportBindings | undefined): boolean {
  return !!bindings && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
}

const SOURCE = /\.(ts|tsx|mts|js|mjs)$/;

/** Every source file under the given folders (relative to root), skipping node_modules. */
export function sourceFiles(root: string, folders: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (SOURCE.test(entry.name)) out.push(toPosix(path.relative(root, full)));
    }
  };
  for (const folder of folders) walk(path.join(root, folder));
  return out.sort();
}

export function readGraph(root: string, folders: string[]): Import[] {
  const imports: Import[] = [];
  for (const from of sourceFiles(root, folders)) {
    for (const found of importsOf(from, fs.readFileSync(path.join(root, from), 'utf8'))) {
      imports.push({ from, ...found, to: resolve(from, found.specifier) });
    }
  }
  return imports;
}

export function resolve(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  return toPosix(path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier)));
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
