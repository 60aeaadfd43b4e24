// The typed message protocol between the app and the inference worker process. Both sides
// validate every message with these schemas: the worker is another process (and may be another
// build), so nothing it sends is trusted blindly, and nothing malformed reaches llama.cpp.
import { z } from 'zod';
import { HardwareReportSchema } from '../hardware/hardware-report.ts';

/** Which model to run and how; the worker loads it (or reuses the loaded one) per request. */
export const ModelSpecSchema = z
  .object({
    path: z.string().min(1),
    /** 'auto' lets node-llama-cpp pick CUDA, Vulkan or Metal; false keeps to the CPU. */
    gpu: z.union([z.literal('auto'), z.literal(false)]),
    /** Layers to offload; 'auto' fits them to free VRAM (a number can abort on out-of-memory). */
    gpuLayers: z.union([z.literal('auto'), z.number().int().min(0)]),
    contextSize: z.number().int().min(64).max(1_048_576),
    /** Threads for evaluation; always chosen by Cairn (calibrated), never the library default. */
    threads: z.number().int().min(1).max(512),
  })
  .strict();
export type ModelSpec = z.infer<typeof ModelSpecSchema>;

export const ChatMessageSchema = z
  .object({
    role: z.enum(['system', 'user', 'assistant']),
    content: z.string().max(4_000_000),
  })
  .strict();
export type ChatMessage = z.infer<typeof ChatMessageSchema>;

export const GenerateParamsSchema = z
  .object({
    messages: z.array(ChatMessageSchema).min(1).max(10_000),
    maxTokens: z.number().int().min(1).max(131_072),
    /** 0 is greedy decoding. */
    temperature: z.number().min(0).max(5).default(0),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .optional(),
    topK: z.number().int().min(0).optional(),
    topP: z.number().gt(0).max(1).optional(),
    /** A JSON schema in the subset a grammar can enforce (see json-schema-grammar.ts). */
    jsonSchema: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();
export type GenerateParams = z.input<typeof GenerateParamsSchema>;

export const StopReasonSchema = z.enum(['end', 'maxTokens', 'cancelled', 'stopTrigger']);

export const GenerationResultSchema = z.object({
  text: z.string(),
  /** The parsed output when a JSON schema was given and the output is complete JSON. */
  json: z.unknown().optional(),
  /** Why `json` is missing although a schema was given (stopped at maxTokens, …). */
  jsonProblem: z.string().nullable(),
  stopReason: StopReasonSchema,
  tokens: z.object({
    /** Tokens of the whole rendered prompt (chat template applied). */
    prompt: z.number().int().nonnegative(),
    /** Prompt tokens whose evaluation was reused from the previous call (same prefix). */
    reusedPrefix: z.number().int().nonnegative(),
    /** Prompt tokens evaluated by this call. */
    evaluatedPrompt: z.number().int().nonnegative(),
    output: z.number().int().nonnegative(),
  }),
  timings: z.object({
    /** Loading the model and creating its context; 0 when it was already loaded. */
    loadMs: z.number().nonnegative(),
    /** From the start of the call (after loading) to the first generated token. */
    timeToFirstTokenMs: z.number().nonnegative().nullable(),
    totalMs: z.number().nonnegative(),
    outputTokensPerSecond: z.number().nonnegative().nullable(),
  }),
  model: z.object({
    backend: z.string(),
    gpuLayers: z.number().int().nonnegative(),
    threads: z.number().int().positive(),
    contextSize: z.number().int().positive(),
    flashAttention: z.boolean(),
    runtimeVersion: z.string(),
    chatWrapper: z.string(),
  }),
});
export type GenerationResult = z.infer<typeof GenerationResultSchema>;

export const CalibrateParamsSchema = z
  .object({
    candidates: z.array(z.number().int().min(1).max(512)).min(1).max(64),
    promptTokens: z.number().int().min(1).max(4096),
    generateTokens: z.number().int().min(1).max(1024),
    repeats: z.number().int().min(1).max(10),
  })
  .strict();
export type CalibrateParams = z.infer<typeof CalibrateParamsSchema>;

export const ThreadMeasurementSchema = z.object({
  threads: z.number().int().positive(),
  promptTokensPerSecond: z.number().nonnegative(),
  generationTokensPerSecond: z.number().nonnegative(),
  totalMs: z.number().nonnegative(),
});
export type ThreadMeasurement = z.infer<typeof ThreadMeasurementSchema>;
export const CalibrationResultSchema = z.object({
  bestThreads: z.number().int().positive(),
  measurements: z.array(ThreadMeasurementSchema),
  runtimeVersion: z.string(),
});
export type CalibrationResult = z.infer<typeof CalibrationResultSchema>;

/** Messages from the app to the worker. `id` pairs a request with its replies. */
export const WorkerRequestSchema = z.discriminatedUnion('type', [
  /** Probes the machine; `gpu: 'auto'` reports what GPU node-llama-cpp finds. */
  z
    .object({
      type: z.literal('probe'),
      id: z.number().int(),
      gpu: z.union([z.literal('auto'), z.literal(false)]),
    })
    .strict(),
  z
    .object({
      type: z.literal('generate'),
      id: z.number().int(),
      model: ModelSpecSchema,
      params: GenerateParamsSchema,
    })
    .strict(),
  z
    .object({
      type: z.literal('countTokens'),
      id: z.number().int(),
      model: ModelSpecSchema,
      text: z.string().max(16_000_000),
    })
    .strict(),
  z
    .object({
      type: z.literal('calibrate'),
      id: z.number().int(),
      model: ModelSpecSchema,
      params: CalibrateParamsSchema,
    })
    .strict(),
  /** Stops request `target` (a generation returns what it has, with stopReason 'cancelled'). */
  z.object({ type: z.literal('cancel'), id: z.number().int(), target: z.number().int() }).strict(),
  /** Frees the loaded model. */
  z.object({ type: z.literal('unload'), id: z.number().int() }).strict(),
]);
export type WorkerRequest = z.infer<typeof WorkerRequestSchema>;
export type WorkerRequestInput = z.input<typeof WorkerRequestSchema>;

export const WorkerErrorKindSchema = z.enum([
  'invalid_request',
  'model_load',
  'grammar',
  'cancelled',
  'internal',
]);
export type WorkerErrorKind = z.infer<typeof WorkerErrorKindSchema>;

/** Messages from the worker to the app. */
export const WorkerReplySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), pid: z.number().int() }),
  z.object({
    type: z.literal('chunk'),
    id: z.number().int(),
    text: z.string(),
    /** Tokens the text took; absent from older workers. */
    tokens: z.number().int().nonnegative().optional(),
  }),
  z.object({ type: z.literal('result'), id: z.number().int(), value: z.unknown() }),
  z.object({
    type: z.literal('error'),
    id: z.number().int(),
    error: z.object({ kind: WorkerErrorKindSchema, message: z.string() }),
  }),
  z.object({ type: z.literal('log'), level: z.string(), message: z.string() }),
]);
export type WorkerReply = z.infer<typeof WorkerReplySchema>;

/** How each request's `result` value is checked by the app. */
export const RESULT_SCHEMAS = {
  probe: HardwareReportSchema,
  generate: GenerationResultSchema,
  countTokens: z.object({ tokens: z.number().int().nonnegative() }),
  calibrate: CalibrationResultSchema,
  cancel: z.object({ cancelled: z.boolean() }),
  unload: z.object({ unloaded: z.boolean() }),
} as const;
