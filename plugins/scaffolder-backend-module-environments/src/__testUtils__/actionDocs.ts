import type { TemplateAction } from '@backstage/plugin-scaffolder-node';

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
};

function typeOf(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.map(v => `\`${v}\``).join(' \\| ');
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(' \\| ');
  if (schema.type === 'array')
    return `${schema.items ? typeOf(schema.items) : 'any'}[]`;
  if (
    schema.type === 'object' &&
    typeof schema.additionalProperties === 'object'
  ) {
    return `map of ${typeOf(schema.additionalProperties)}`;
  }
  return Array.isArray(schema.type)
    ? schema.type.join(' \\| ')
    : schema.type ?? 'any';
}

function table(schema: JsonSchema | undefined, withRequired: boolean): string {
  const required = new Set(schema?.required ?? []);
  const header = withRequired
    ? ['| input | type | required | description |', '| --- | --- | --- | --- |']
    : ['| output | type | description |', '| --- | --- | --- |'];
  const rows = Object.entries(schema?.properties ?? {}).map(
    ([name, property]) => {
      const description = (property.description ?? '')
        .replace(/\|/g, '\\|')
        .replace(/\n/g, ' ');
      return withRequired
        ? `| \`${name}\` | ${typeOf(property)} | ${
            required.has(name) ? 'yes' : ''
          } | ${description} |`
        : `| \`${name}\` | ${typeOf(property)} | ${description} |`;
    },
  );
  return [...header, ...rows].join('\n');
}

/** The input and output tables of an action, as docs/reference/actions.md shows them. */
export function actionTables(action: TemplateAction<any, any, any>): string {
  return [
    table(action.schema?.input as JsonSchema, true),
    '',
    table(action.schema?.output as JsonSchema, false),
  ].join('\n');
}
