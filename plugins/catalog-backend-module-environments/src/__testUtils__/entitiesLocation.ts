import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import type { Entity } from '@backstage/catalog-model';

/** A catalog file holding the entities (as JSON documents, which YAML reads), for a file location. */
export function entitiesLocation(entities: Entity[]): string {
  const file = resolve(
    mkdtempSync(resolve(tmpdir(), 'stageline-catalog-')),
    'entities.yaml',
  );
  writeFileSync(file, entities.map(e => JSON.stringify(e)).join('\n---\n'));
  return file;
}
