import type { Rule } from 'eslint';

export function layerOf(rel: string): { name: string } | undefined;
export function checkImport(rel: string, specifier: string, typeOnly?: boolean): string | null;
export const layeringRule: Rule.RuleModule;
declare const plugin: { rules: { layering: Rule.RuleModule } };
export default plugin;
