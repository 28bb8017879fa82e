// An OpenAPI 3.1 document built from the same zod schemas the API uses to shape its responses, so the
// document cannot drift from what the endpoints send. Modules register their operations; core knows
// none of them. zod 4 turns the schemas into JSON Schema 2020-12, which is OpenAPI 3.1's dialect.
import { z } from 'zod';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface OperationSpec {
  method: HttpMethod;
  /** The route as Hono writes it ('/api/v1/municipalities/:slug'); the document shows '{slug}'. */
  path: string;
  summary: string;
  description?: string;
  tags?: string[];
  /** Defaults to one derived from method and path. */
  operationId?: string;
  /** Path parameters: an object schema with one string property per `:name` in the path. */
  params?: z.ZodObject;
  query?: z.ZodObject;
  response: z.ZodType;
  /** The response schema's name under components; a schema already named with `schema()` keeps its name. */
  responseName?: string;
  responseDescription?: string;
  /** Error statuses the operation can answer with, each described by the registry's error schema. */
  errors?: number[];
}

/** A JSON value as it appears in the document. */
export type JsonObject = { [key: string]: unknown };

export interface OpenApiInfo {
  title: string;
  version: string;
  description?: string;
}

const statusDescriptions: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  422: 'Validation failed',
  429: 'Too many requests',
  500: 'Internal server error',
};

export class OpenApiRegistry {
  private readonly operations: OperationSpec[] = [];
  private readonly named = z.registry<{ id: string }>();
  private readonly names = new Set<string>();
  private readonly tags = new Map<string, string | undefined>();
  private readonly errorSchemaName: string | undefined;
  private cached: JsonObject | undefined;

  constructor(options: { errorSchema?: { name: string; schema: z.ZodType } } = {}) {
    if (options.errorSchema) {
      this.schema(options.errorSchema.name, options.errorSchema.schema);
      this.errorSchemaName = options.errorSchema.name;
    }
  }

  /** Names a schema, so the document lists it once under components and refers to it everywhere it is used. */
  schema<T extends z.ZodType>(name: string, schema: T): T {
    const existing = this.named.get(schema)?.id;
    if (existing === name) return schema;
    if (existing) throw new Error(`OpenAPI schema is already named ${existing}, cannot also name it ${name}`);
    if (this.names.has(name)) throw new Error(`Two OpenAPI schemas are named ${name}`);
    this.named.add(schema, { id: name });
    this.names.add(name);
    this.cached = undefined;
    return schema;
  }

  tag(name: string, description?: string): void {
    this.tags.set(name, description);
    this.cached = undefined;
  }

  register(spec: OperationSpec): void {
    if (this.operations.some((o) => o.method === spec.method && o.path === spec.path)) {
      throw new Error(`OpenAPI operation ${spec.method.toUpperCase()} ${spec.path} is registered twice`);
    }
    const pathParams = [...spec.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!);
    const declared = Object.keys(spec.params?.shape ?? {});
    if (pathParams.join() !== declared.join()) {
      throw new Error(`OpenAPI operation ${spec.path}: params schema declares [${declared}] but the path has [${pathParams}]`);
    }
    if (!this.named.get(spec.response)) this.schema(spec.responseName ?? `${pascal(operationIdOf(spec))}Response`, spec.response);
    this.operations.push(spec);
    this.cached = undefined;
  }

  /** The operations registered so far, for tests and tooling. */
  list(): readonly OperationSpec[] {
    return this.operations;
  }

  /** The whole document; built once and reused until something new is registered. */
  document(info: OpenApiInfo): JsonObject {
    if (this.cached) return this.cached;
    const ref = (id: string) => `#/components/schemas/${id}`;
    const converted = z.toJSONSchema(this.named, { uri: ref, unrepresentable: 'any' }) as { schemas: Record<string, JsonObject> };
    const schemas: Record<string, JsonObject> = {};
    for (const [name, schema] of Object.entries(converted.schemas)) {
      // Each component is part of the document, not a standalone JSON Schema resource.
      const { $schema: _s, $id: _i, ...rest } = schema;
      schemas[name] = rest;
    }

    const paths: Record<string, Record<string, JsonObject>> = {};
    for (const op of this.operations) {
      const path = op.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
      const responses: Record<string, JsonObject> = {
        '200': {
          description: op.responseDescription ?? 'OK',
          content: { 'application/json': { schema: { $ref: ref(this.named.get(op.response)!.id) } } },
        },
      };
      for (const status of op.errors ?? []) {
        responses[String(status)] = {
          description: statusDescriptions[status] ?? 'Error',
          ...(this.errorSchemaName ? { content: { 'application/json': { schema: { $ref: ref(this.errorSchemaName) } } } } : {}),
        };
      }
      const parameters = [...parameterObjects(op.params, 'path'), ...parameterObjects(op.query, 'query')];
      (paths[path] ??= {})[op.method] = {
        operationId: operationIdOf(op),
        summary: op.summary,
        ...(op.description ? { description: op.description } : {}),
        ...(op.tags?.length ? { tags: op.tags } : {}),
        ...(parameters.length ? { parameters } : {}),
        responses,
      };
    }

    const usedTags = new Set(this.operations.flatMap((o) => o.tags ?? []));
    const tags = [...usedTags].sort().map((name) => {
      const description = this.tags.get(name);
      return description ? { name, description } : { name };
    });

    this.cached = {
      openapi: '3.1.0',
      jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
      info: { title: info.title, version: info.version, ...(info.description ? { description: info.description } : {}) },
      ...(tags.length ? { tags } : {}),
      paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
      components: { schemas },
    };
    return this.cached;
  }
}

function parameterObjects(schema: z.ZodObject | undefined, where: 'path' | 'query'): JsonObject[] {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonObject & { properties?: Record<string, JsonObject>; required?: string[] };
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === 'path' || required.has(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}

function operationIdOf(op: Pick<OperationSpec, 'method' | 'path' | 'operationId'>): string {
  if (op.operationId) return op.operationId;
  const words = op.path
    .split('/')
    .filter((part) => part && part !== 'api' && !/^v\d+$/.test(part))
    .map((part) => (part.startsWith(':') ? `by-${part.slice(1)}` : part));
  return camel([op.method, ...words].join('-'));
}

function camel(s: string): string {
  return s.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''));
}

function pascal(s: string): string {
  const c = camel(s);
  return c.charAt(0).toUpperCase() + c.slice(1);
}
