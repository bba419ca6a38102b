/**
 * Every call the app makes to its server, read from the source of src/api/ with the TypeScript
 * compiler: each `request(method, path, …)` call, its path expanded to concrete examples (a
 * parameter typed as a union of string literals, such as an incident action, gives one example per
 * member; any other parameter a sample segment). A call added to src/api/ is found here without
 * touching a list.
 */
import path from 'node:path';
import ts from 'typescript';

export interface ApiCall {
  /** where the call is written, for messages */
  at: string;
  method: string;
  /** concrete paths the call can produce, e.g. api/v1/incidents/INC-1/acknowledge */
  paths: string[];
  /** names of the query parameters it sends */
  params: string[];
}

const SAMPLE_SEGMENT = 'INC-2026-00042';

export function apiCalls(apiDir: string): ApiCall[] {
  const files = ts.sys
    .readDirectory(apiDir, ['.ts'], undefined, undefined)
    .filter((f) => !/\.test\.ts$/.test(f) && !f.endsWith('.d.ts'));
  const program = ts.createProgram(files, {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    resolveJsonModule: true,
    noEmit: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const calls: ApiCall[] = [];

  const examples = (expr: ts.Expression): string[] => {
    const type = checker.getTypeAtLocation(expr);
    if (type.isUnion() && type.types.every((t) => t.isStringLiteral()))
      return type.types.map((t) => (t as ts.StringLiteralType).value);
    if (type.isStringLiteral()) return [type.value];
    return [SAMPLE_SEGMENT];
  };

  const expandPath = (arg: ts.Expression): string[] | undefined => {
    if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) return [arg.text];
    if (!ts.isTemplateExpression(arg)) return undefined;
    let out = [arg.head.text];
    for (const span of arg.templateSpans) {
      const values = examples(span.expression);
      out = out.flatMap((prefix) => values.map((v) => prefix + v + span.literal.text));
    }
    return out;
  };

  for (const sf of program.getSourceFiles()) {
    if (!files.includes(sf.fileName)) continue;
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'request') {
        const [methodArg, pathArg, optsArg] = node.arguments;
        const { line } = sf.getLineAndCharacterOfPosition(node.getStart());
        const at = `${path.relative(path.dirname(apiDir), sf.fileName)}:${line + 1}`;
        if (!methodArg || !pathArg || !ts.isStringLiteral(methodArg))
          throw new Error(`${at}: request() needs a literal method and a path`);
        const paths = expandPath(pathArg);
        if (!paths) throw new Error(`${at}: the path of request() must be a string or template literal`);
        const params: string[] = [];
        if (optsArg && ts.isObjectLiteralExpression(optsArg)) {
          for (const prop of optsArg.properties) {
            if (
              prop.name &&
              ts.isIdentifier(prop.name) &&
              prop.name.text === 'params' &&
              ts.isPropertyAssignment(prop)
            ) {
              const t = checker.getTypeAtLocation(prop.initializer);
              for (const p of t.getProperties()) params.push(p.name);
            }
          }
        }
        calls.push({ at, method: methodArg.text, paths, params });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return calls;
}
