import fs from 'node:fs';
import path from 'node:path';
import type { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import yaml from 'yaml';

/** The repository's `templates/` folder. */
export const TEMPLATES_DIR = path.resolve(__dirname, '../../../../templates');

/** The name (folder) of every template in `templates/`. */
export function templateNames(): string[] {
  return fs
    .readdirSync(TEMPLATES_DIR, { withFileTypes: true })
    .filter(
      entry =>
        entry.isDirectory() &&
        fs.existsSync(path.join(TEMPLATES_DIR, entry.name, 'template.yaml')),
    )
    .map(entry => entry.name)
    .sort();
}

type TemplateProperty = { default?: unknown };
type Template = Entity & {
  spec: {
    parameters: Array<{
      required?: string[];
      properties: Record<string, TemplateProperty>;
    }>;
  };
};

/** `templates/<name>/template.yaml`, parsed. */
export function readTemplate(name: string): Template {
  return yaml.parse(
    fs.readFileSync(path.join(TEMPLATES_DIR, name, 'template.yaml'), 'utf8'),
  );
}

/**
 * The defaults of a template's parameters, as the form fills them in (the scaffolder's APIs
 * apply none: the form sends them).
 */
export function templateDefaults(name: string): JsonObject {
  return Object.fromEntries(
    readTemplate(name).spec.parameters.flatMap(page =>
      Object.entries(page.properties)
        .filter(([, property]) => property.default !== undefined)
        .map(([key, property]) => [key, property.default]),
    ),
  ) as JsonObject;
}

/** The parameters a template marks required, on every page. */
export function requiredParameters(name: string): string[] {
  return readTemplate(name).spec.parameters.flatMap(
    page => page.required ?? [],
  );
}

/**
 * The template as the catalog holds it once registered from its file (a `file:` location, as the
 * local app's app-config registers the templates), so a task reads its skeleton from the folder.
 */
export function templateEntity(name: string): Entity {
  const template = readTemplate(name);
  const location = `file:${path.join(TEMPLATES_DIR, name, 'template.yaml')}`;
  return {
    ...template,
    metadata: {
      ...template.metadata,
      namespace: 'default',
      annotations: {
        ...template.metadata.annotations,
        'backstage.io/managed-by-location': location,
        'backstage.io/managed-by-origin-location': location,
      },
    },
  };
}
