/**
 * The import rules of ARCHITECTURE.md as code: which layer may import which layer and which kind
 * of package. `findLayerViolations` reads source files and lists every import that breaks a rule.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';

export const LAYERS = ['shared', 'services', 'main', 'preload', 'web', 'renderer', 'scripts'] as const;
export type Layer = (typeof LAYERS)[number];

/** Package kinds the rules talk about; any other npm package is a "library". */
type PackageKind = 'electron' | 'node' | 'svelte' | 'library';

interface LayerRule {
  layers: readonly Layer[];
  packages: readonly PackageKind[];
}

export const LAYER_RULES: Record<Layer, LayerRule> = {
  shared: { layers: ['shared'], packages: ['library'] },
  services: { layers: ['shared', 'services'], packages: ['node', 'library'] },
  main: { layers: ['shared', 'services', 'main'], packages: ['electron', 'node', 'library'] },
  preload: { layers: ['shared', 'preload'], packages: ['electron'] },
  web: { layers: ['shared', 'services', 'web'], packages: ['node', 'library'] },
  renderer: { layers: ['shared', 'renderer'], packages: ['svelte', 'library'] },
  scripts: { layers: ['shared', 'services', 'scripts'], packages: ['node', 'library'] },
};

const ELECTRON_PACKAGES = new Set(['electron', 'electron-store', '@electron/remote']);
const NODE_BUILTINS = new Set(builtinModules);

export function packageKind(specifier: string): PackageKind {
  const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
  if (ELECTRON_PACKAGES.has(name)) return 'electron';
  if (specifier.startsWith('node:') || NODE_BUILTINS.has(name)) return 'node';
  if (name === 'svelte' || name.startsWith('@lucide/svelte')) return 'svelte';
  return 'library';
}

export function layerOf(projectRoot: string, file: string): Layer | null {
  const parts = relative(projectRoot, file).split(sep);
  if (parts[0] === 'scripts') return 'scripts';
  if (parts[0] === 'src' && (LAYERS as readonly string[]).includes(parts[1] ?? '')) return parts[1] as Layer;
  return null;
}

const IMPORT_PATTERN = /(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;

export function importsOf(source: string): string[] {
  return [...source.matchAll(IMPORT_PATTERN)].map((match) => match[1]!);
}

export interface LayerViolation {
  file: string;
  specifier: string;
  reason: string;
}

/**
 * Inside the renderer: shared UI parts (renderer/ui) know nothing of the app or its features, so
 * they can be used anywhere; they get what they show through props.
 */
const RENDERER_UI_MAY_NOT_IMPORT = ['app', 'features'] as const;

function rendererPart(projectRoot: string, path: string): string | null {
  const parts = relative(projectRoot, path).split(sep);
  return parts[0] === 'src' && parts[1] === 'renderer' ? (parts[2] ?? null) : null;
}

export function checkFile(projectRoot: string, file: string, source: string): LayerViolation[] {
  const layer = layerOf(projectRoot, file);
  if (!layer) return [];
  const rule = LAYER_RULES[layer];
  const violations: LayerViolation[] = [];
  for (const specifier of importsOf(source)) {
    if (specifier.startsWith('.')) {
      const target = layerOf(projectRoot, resolve(dirname(file), specifier));
      if (target && !rule.layers.includes(target)) {
        violations.push({ file, specifier, reason: `${layer} may not import ${target}` });
      }
      const targetPart = rendererPart(projectRoot, resolve(dirname(file), specifier));
      if (rendererPart(projectRoot, file) === 'ui' && (RENDERER_UI_MAY_NOT_IMPORT as readonly (string | null)[]).includes(targetPart)) {
        violations.push({ file, specifier, reason: `renderer/ui may not import renderer/${targetPart}` });
      }
      continue;
    }
    const kind = packageKind(specifier);
    if (!rule.packages.includes(kind)) {
      violations.push({ file, specifier, reason: `${layer} may not import ${kind} packages` });
    }
  }
  return violations;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|svelte|js|mjs|cjs)$/.test(entry) ? [path] : [];
  });
}

export function findLayerViolations(projectRoot: string): LayerViolation[] {
  const roots = ['src', 'scripts'].map((dir) => join(projectRoot, dir));
  return roots
    .filter((dir) => {
      try {
        return statSync(dir).isDirectory();
      } catch {
        return false;
      }
    })
    .flatMap(sourceFiles)
    .flatMap((file) => checkFile(projectRoot, file, readFileSync(file, 'utf8')));
}
