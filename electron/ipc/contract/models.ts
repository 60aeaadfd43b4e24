// Channels of on-device models: hardware, registry (list, import, remove), catalog with fit
// estimates, thread calibration, and two streams (download progress, generated tokens). Part of
// the contract, so zod only: the renderer loads this file too. The handlers are in ../handlers/models.ts.
import { z } from 'zod';
import { call, stream } from './channel-kinds.ts';

const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);
/** A model id (12 hex digits) or a longer prefix of its SHA-256. */
export const ModelIdSchema = z
  .string()
  .regex(/^[0-9a-f]{6,64}$/, 'must be a model id: 6 to 64 lowercase hex digits');
const CatalogIdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be a catalog id such as qwen2.5-1.5b-instruct-q4_k_m');

export const ModelsHardwareSchema = z.object({
  platform: z.string(),
  arch: z.string(),
  cpu: z.object({
    model: z.string(),
    logicalCores: z.number().int(),
    physicalCores: z.number().int(),
    mathCores: z.number().int().nullable(),
  }),
  memory: z.object({ totalBytes: z.number(), freeBytes: z.number() }),
  gpu: z.object({
    backend: z.enum(['cuda', 'vulkan', 'metal']).nullable(),
    devices: z.array(z.string()),
    vramTotalBytes: z.number(),
    vramFreeBytes: z.number(),
  }),
  runtime: z.object({
    nodeLlamaCpp: z.string(),
    llamaCppRelease: z.string().nullable(),
    binary: z.enum(['prebuilt', 'localBuild']).nullable(),
  }),
  problems: z.array(z.string()),
  probedAt: z.string(),
});

export const LocalModelSchema = z.object({
  id: z.string(),
  sha256: Sha256Schema,
  name: z.string(),
  path: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  source: z.enum(['imported', 'downloaded']),
  catalogId: z.string().nullable(),
  architecture: z.string(),
  quantization: z.string(),
  parameterCount: z.number().nonnegative(),
  contextLength: z.number().int().nullable(),
  addedAt: z.string(),
});
export type LocalModel = z.infer<typeof LocalModelSchema>;

export const FitSchema = z.object({
  verdict: z.enum(['gpu', 'partial-gpu', 'cpu', 'tight', 'too-large']),
  requiredBytes: z.number().nonnegative(),
  contextSize: z.number().int().positive(),
  message: z.string(),
});

export const CatalogModelSchema = z.object({
  id: z.string(),
  name: z.string(),
  publisher: z.string(),
  parameters: z.string(),
  quantization: z.string(),
  sizeBytes: z.number().int().positive(),
  sizeIsExact: z.boolean(),
  url: z.string(),
  sha256: Sha256Schema.nullable(),
  hashSource: z.string(),
  license: z.string(),
  notes: z.string(),
  fit: FitSchema,
  /** The registered model downloaded from this entry, if any. */
  downloadedModelId: z.string().nullable(),
});

export const DownloadEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('fit'), fit: FitSchema }),
  z.object({
    type: z.literal('progress'),
    receivedBytes: z.number().nonnegative(),
    totalBytes: z.number().nonnegative().nullable(),
    resumedFromBytes: z.number().nonnegative(),
  }),
  z.object({ type: z.literal('done'), model: LocalModelSchema, alreadyPresent: z.boolean() }),
  z.object({
    type: z.literal('error'),
    error: z.object({ code: z.string(), message: z.string() }),
  }),
]);

export const GenerateInputSchema = z
  .object({
    modelId: ModelIdSchema,
    messages: z
      .array(
        z
          .object({
            role: z.enum(['system', 'user', 'assistant']),
            content: z.string().max(4_000_000),
          })
          .strict(),
      )
      .min(1)
      .max(10_000),
    maxTokens: z.number().int().min(1).max(131_072),
    temperature: z.number().min(0).max(5).optional(),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .optional(),
    /** Decode under this JSON schema (the grammar subset: types, properties, enum, unions). */
    jsonSchema: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

export const GenerationSchema = z.object({
  modelId: z.string(),
  modelSha256: Sha256Schema,
  text: z.string(),
  json: z.unknown().optional(),
  jsonProblem: z.string().nullable(),
  stopReason: z.enum(['end', 'maxTokens', 'cancelled', 'stopTrigger']),
  tokens: z.object({
    prompt: z.number().int(),
    reusedPrefix: z.number().int(),
    evaluatedPrompt: z.number().int(),
    output: z.number().int(),
  }),
  timings: z.object({
    loadMs: z.number(),
    timeToFirstTokenMs: z.number().nullable(),
    totalMs: z.number(),
    outputTokensPerSecond: z.number().nullable(),
  }),
  model: z.object({
    backend: z.string(),
    gpuLayers: z.number().int(),
    threads: z.number().int(),
    contextSize: z.number().int(),
    flashAttention: z.boolean(),
    runtimeVersion: z.string(),
    chatWrapper: z.string(),
  }),
});

export const GenerateEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('token'), text: z.string() }),
  z.object({ type: z.literal('done'), result: GenerationSchema }),
  z.object({
    type: z.literal('error'),
    error: z.object({ code: z.string(), message: z.string() }),
  }),
]);

export const ThreadCalibrationSchema = z.object({
  modelSha256: Sha256Schema,
  machineKey: z.string(),
  runtimeVersion: z.string(),
  bestThreads: z.number().int().positive(),
  measurements: z.array(
    z.object({
      threads: z.number().int().positive(),
      promptTokensPerSecond: z.number(),
      generationTokensPerSecond: z.number(),
      totalMs: z.number(),
    }),
  ),
  measuredAt: z.string(),
});

const Empty = z.object({}).strict();

export const modelChannels = {
  'models.hardware': call(
    z.object({ refresh: z.boolean().optional() }).strict(),
    ModelsHardwareSchema,
  ),
  'models.list': call(Empty, z.object({ models: z.array(LocalModelSchema) })),
  /** Registers a .gguf file where it is (validated, SHA-256 computed once). */
  'models.import': call(
    z
      .object({
        path: z
          .string()
          .min(1)
          .max(4096)
          .refine((p) => p.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(p), {
            message: 'must be an absolute path to a .gguf file',
          }),
      })
      .strict(),
    z.object({ model: LocalModelSchema, alreadyPresent: z.boolean() }),
  ),
  /**
   * Unregisters a model. Its file is deleted only when it is in Cairn's models folder (a
   * download); an imported file elsewhere is left on disk ('kept'), and so is a file that
   * another registered model names ('shared').
   */
  'models.remove': call(
    z.object({ modelId: ModelIdSchema }).strict(),
    z.object({
      model: LocalModelSchema,
      file: z.enum(['deleted', 'kept', 'shared', 'already-gone']),
    }),
  ),
  'models.catalog': call(Empty, z.object({ models: z.array(CatalogModelSchema) })),
  /** Measures thread counts for a model on this machine and keeps the fastest. */
  'models.calibrate': call(z.object({ modelId: ModelIdSchema }).strict(), ThreadCalibrationSchema),
  /** Downloads a catalog model: the fit estimate first, then progress, then the model. */
  'models.download': stream(z.object({ catalogId: CatalogIdSchema }).strict(), DownloadEventSchema),
  /** Generates on-device; tokens stream as they come. Stopping the subscription cancels. */
  'models.generate': stream(GenerateInputSchema, GenerateEventSchema),
} as const;
