// ESLint rule `cairn/layering`: fails the lint when a file imports what its layer may not
// (DESIGN.md, "Top-level layout") or opens a network connection outside the places listed in
// NETWORK_ALLOWED. The table lives in layers.js.
import { builtinModules } from 'node:module';
import path from 'node:path';
import { LAYERS, NETWORK_ALLOWED, NETWORK_GLOBALS, NETWORK_MODULES } from './layers.js';

const BUILTINS = new Set(builtinModules.filter((m) => !m.startsWith('_')));

/** @param {string} rel repo-relative path with forward slashes */
export function layerOf(rel) {
  return LAYERS.find((layer) =>
    layer.files.some((f) => (f.endsWith('/') ? rel.startsWith(f) : rel === f)),
  );
}

/** Strips `node:` and a sub-path: `node:fs/promises` -> `fs`. */
function builtinName(specifier) {
  const bare = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
  const head = bare.split('/')[0];
  return specifier.startsWith('node:') || BUILTINS.has(bare) || BUILTINS.has(head) ? head : null;
}

/** `@scope/pkg/sub` -> `@scope/pkg`; `pkg/sub` -> `pkg`. */
function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function matches(list, name, specifier) {
  return list.some((p) => (typeof p === 'string' ? p === name || p === specifier : p.test(name)));
}

function networkModule(specifier) {
  const builtin = builtinName(specifier);
  const name = builtin ?? specifier;
  return NETWORK_MODULES.find((m) => m === name || m === packageName(specifier)) ?? null;
}

function networkAllowed(rel, what) {
  return NETWORK_ALLOWED.some(
    (entry) => rel.startsWith(entry.files) && (entry.allow === 'all' || entry.allow.includes(what)),
  );
}

/**
 * Checks one import of `specifier` from the file at repo-relative path `rel`. A type-only
 * import opens no connection, but still ties its layer to the other one.
 * @returns {string | null} the message, or null when the import is allowed
 */
export function checkImport(rel, specifier, typeOnly = false) {
  const layer = layerOf(rel);
  // Tests, build tools and scripts belong to no layer: they may run servers on 127.0.0.1.
  if (!layer) return null;
  const net = typeOnly ? null : networkModule(specifier);
  if (net && !networkAllowed(rel, net)) {
    return `'${specifier}' opens network connections; only native-models/routing/ may reach a model provider (see NETWORK_ALLOWED in tools/eslint-plugin-cairn/layers.js)`;
  }
  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(rel), specifier));
    const targetLayer = layerOf(target);
    if (targetLayer && !layer.imports.includes(targetLayer.name)) {
      return `${layer.name} may not import ${targetLayer.name} ('${specifier}'): ${layer.why}`;
    }
    if (!targetLayer && target.startsWith('..')) {
      return `'${specifier}' reaches outside the repository`;
    }
    return null;
  }
  const builtin = builtinName(specifier);
  if (builtin) {
    return layer.node
      ? null
      : `${layer.name} may not import the Node module '${specifier}': ${layer.why}`;
  }
  const pkg = packageName(specifier);
  if (pkg === 'electron') {
    return layer.electron ? null : `${layer.name} may not import 'electron': ${layer.why}`;
  }
  if (layer.packages === 'any' || matches(layer.packages, pkg, specifier)) return null;
  return `${layer.name} may not import the package '${specifier}': ${layer.why}. If it is side-effect free and runs in a browser, add it to the allow-list in tools/eslint-plugin-cairn/layers.js`;
}

/** @type {import('eslint').Rule.RuleModule} */
export const layeringRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the layering of DESIGN.md and the single egress point' },
    schema: [],
  },
  create(context) {
    const rel = path.relative(context.cwd, context.filename).split(path.sep).join('/');
    if (rel.startsWith('..')) return {};
    const report = (node, specifier, typeOnly = false) => {
      const message = checkImport(rel, specifier, typeOnly);
      if (message) context.report({ node, message });
    };
    const fromSource = (node) => {
      if (node.source && typeof node.source.value === 'string') {
        const typeOnly =
          node.importKind === 'type' ||
          node.exportKind === 'type' ||
          (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === 'type'));
        report(node.source, node.source.value, typeOnly);
      }
    };
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression(node) {
        if (node.source.type === 'Literal' && typeof node.source.value === 'string') {
          report(node.source, node.source.value);
        }
      },
      CallExpression(node) {
        const [arg] = node.arguments;
        if (
          node.callee.type === 'Identifier' &&
          node.callee.name === 'require' &&
          arg?.type === 'Literal' &&
          typeof arg.value === 'string'
        ) {
          report(arg, arg.value);
        }
      },
      'Program:exit'(program) {
        // A global is either unresolved (`through`) or resolved to a configured global variable.
        const scope = context.sourceCode.getScope(program);
        const refs = [
          ...scope.through,
          ...NETWORK_GLOBALS.flatMap((name) => scope.set.get(name)?.references ?? []),
        ];
        const seen = new Set();
        for (const ref of refs) {
          const name = ref.identifier.name;
          if (seen.has(ref.identifier) || !NETWORK_GLOBALS.includes(name)) continue;
          seen.add(ref.identifier);
          if (!layerOf(rel) || networkAllowed(rel, name)) continue;
          context.report({
            node: ref.identifier,
            message: `'${name}' opens network connections; only native-models/routing/ may reach a model provider (see NETWORK_ALLOWED in tools/eslint-plugin-cairn/layers.js)`,
          });
        }
      },
    };
  },
};

export default { rules: { layering: layeringRule } };
