// TypeScript types of samkalk/analysis: sensitivity and uncertainty analysis
// (docs/analysis.md). The request and result formats are the same in Rust, the CLI
// (`samkalk analyse`), Python and here.
import type { DecimalInput, FieldError, Money, Scenario, ScenarioError } from './index';

export { ScenarioError } from './index';

/**
 * A parameter path, in the syntax of validation faults: `discount_rate`, `horizon_years`,
 * `tax.municipal_rate`, `states.work.earnings.monthly_wage`, `states.AM3.flows[2].amount`,
 * `cohorts[0].participants`, `cohorts[0].intervention.cost_per_participant`,
 * `cohorts[0].intervention.financing.municipality`, `cohorts[0].outcomes[0].share`,
 * `cohorts[0].outcomes[0].retention`, ... (docs/analysis.md lists them with their ranges).
 */
export type ParameterPath = string;

/** An actor id or `society`. */
export type Who =
  | 'municipality' | 'employment_service' | 'social_insurance' | 'region' | 'state' | 'employer' | 'individual'
  | 'society';

export interface ParameterValues {
  parameter: ParameterPath;
  label?: ParameterLabel;
  /** 1 to 100,000 values. */
  values: DecimalInput[];
}

/**
 * A parameter's name for people, shown instead of the core's words in every table and chart:
 * one text for both languages, or one per language (a language left out gets the core's
 * words). Each text 1 to 200 characters, not only spaces.
 */
export type ParameterLabel = string | { sv?: string; en?: string };

/** A label as the result carries it: the languages given. */
export interface GivenLabel {
  sv?: string;
  en?: string;
}

export interface TornadoParameter {
  parameter: ParameterPath;
  label?: ParameterLabel;
  low: DecimalInput;
  high: DecimalInput;
}

export interface SwitchingRequest {
  parameter: ParameterPath;
  label?: ParameterLabel;
  actor: Who;
  /** Default: the parameter's valid range. */
  low?: DecimalInput;
  high?: DecimalInput;
}

export type Distribution =
  | { kind: 'uniform'; low: DecimalInput; high: DecimalInput }
  | { kind: 'triangular'; low: DecimalInput; mode: DecimalInput; high: DecimalInput }
  | { kind: 'pert'; low: DecimalInput; mode: DecimalInput; high: DecimalInput; /** (0, 1000], default 4 */ lambda?: DecimalInput }
  | { kind: 'normal'; mean: DecimalInput; sd: DecimalInput; low?: DecimalInput; high?: DecimalInput }
  | { kind: 'beta'; alpha: DecimalInput; beta: DecimalInput; low?: DecimalInput; high?: DecimalInput }
  | { kind: 'discrete'; values: DecimalInput[]; weights?: DecimalInput[] };

export interface UncertainParameter {
  parameter: ParameterPath;
  label?: ParameterLabel;
  distribution: Distribution;
}

export interface MonteCarloRequest {
  /** Whole, 1..=10,000,000 (at most 1,000,000 with keep_draws). */
  draws: number;
  /** Whole, 0..=2^64−1; a string of digits for seeds beyond 2^53. */
  seed: number | string;
  /** Keep every draw's values and NPVs (`samples`); default false. */
  keep_draws?: boolean;
  /** 1 to 200. */
  parameters: UncertainParameter[];
}

/** An analysis request: any subset of the analyses. */
export interface AnalysisRequest {
  version?: 1;
  name?: string;
  sweep?: ParameterValues;
  /** Exactly two parameters; at most 1,000,000 combinations. */
  grid?: { parameters: [ParameterValues, ParameterValues] };
  /** 1 to 200 parameters. */
  tornado?: { parameters: TornadoParameter[] };
  /** Up to 200. */
  switching?: SwitchingRequest[];
  monte_carlo?: MonteCarloRequest;
}

/** Seven actors then society, each a money string with two decimals. */
export type ByWho<T = Money> = Record<Who, T>;

export interface Outcome {
  npv: ByWho;
  total_net: ByWho;
}

export interface SweepRow extends Outcome {
  value: string;
}

export interface GridRow extends Outcome {
  values: [string, string];
}

export interface TornadoRow {
  parameter: ParameterPath;
  /** The request's label, when it gave one. */
  label?: GivenLabel;
  base_value: string;
  low: string;
  high: string;
  npv_low: ByWho;
  npv_high: ByWho;
  /** |society's NPV at high − at low|. */
  swing: Money;
}

export interface SwitchingResult {
  parameter: ParameterPath;
  /** The request's label, when it gave one. */
  label?: GivenLabel;
  actor: Who;
  kind: 'linear' | 'search' | 'none';
  /** Where the actor's NPV crosses zero; null for kind "none". */
  value: string | null;
  /** For "linear": the solved crossing to 28 digits; else null. */
  exact_value: string | null;
  npv: Money | null;
  /** Where the actor gains (NPV ≥ 0): above or below the value; absent for kind "none". */
  gains?: 'above' | 'below';
  base_value: string;
  base_npv: Money;
  low: string;
  high: string;
}

export interface Statistics {
  mean: Money;
  sd: Money;
  standard_error: Money;
  min: Money;
  p5: Money;
  p50: Money;
  p95: Money;
  max: Money;
  /** Share of draws with NPV ≥ 0 (to öre), six decimals: "0.991600". */
  probability_gain: string;
  gains: number;
}

export interface MonteCarloResult {
  draws: number;
  /** A JSON number: exact in analyseText(); a JS number loses digits beyond 2^53. */
  seed: number;
  parameters: ParameterPath[];
  /** The request's labels, one per parameter (null where none); absent when it gave none. */
  labels?: (GivenLabel | null)[];
  statistics: ByWho<Statistics>;
  /** With keep_draws: by column, in draw order. */
  samples?: { values: Record<ParameterPath, string[]>; npv: ByWho<Money[]> };
}

/** docs/analysis.md's result. */
export interface AnalysisResult {
  version: 1;
  base: Outcome;
  sweep?: { parameter: ParameterPath; label?: GivenLabel; base_value: string; rows: SweepRow[] };
  grid?: { parameters: [ParameterPath, ParameterPath]; labels?: [GivenLabel | null, GivenLabel | null]; rows: GridRow[] };
  /** Rows sorted by swing, largest first. */
  tornado?: { base: ByWho; rows: TornadoRow[] };
  switching?: SwitchingResult[];
  monte_carlo?: MonteCarloResult;
}

/** `(done, total)`: return false to stop the run (AnalysisCancelled). */
export type ProgressCallback = (done: number, total: number) => boolean | void;

export interface AnalyseOptions {
  onProgress?: ProgressCallback;
}

export interface AnalyseTextOptions extends AnalyseOptions {
  /** Indented, byte for byte as `samkalk analyse` prints it; default compact. */
  pretty?: boolean;
}

/**
 * The analysis cannot run. `kind` "scenario": faults of the scenario (paths in the scenario);
 * "analysis": faults of the request (paths in the request, e.g.
 * `tornado.parameters[0].parameter`; the message starts with the scenario path concerned).
 */
export class AnalysisError extends ScenarioError {
  constructor(kind: 'scenario' | 'analysis', errors: FieldError[]);
  readonly name: 'AnalysisError';
  readonly kind: 'scenario' | 'analysis';
}

/** The progress callback returned false. */
export class AnalysisCancelled extends Error {
  constructor(done: number, total: number);
  readonly name: 'AnalysisCancelled';
  readonly errors: [];
  readonly done: number;
  readonly total: number;
}

/** Runs an analysis request on a scenario (objects or JSON text). Throws AnalysisError or AnalysisCancelled. */
export function analyse(scenario: Scenario | string, analysis: AnalysisRequest | string, options?: AnalyseOptions): AnalysisResult;
/** analyse() as JSON text (compact; `pretty`: byte for byte what `samkalk analyse` prints). */
export function analyseText(scenario: Scenario | string, analysis: AnalysisRequest | string, options?: AnalyseTextOptions): string;
export interface ReportOptions extends AnalyseOptions {
  /** "sv" (default) or "en". */
  lang?: 'sv' | 'en';
}

/** Every parameter's name in one language, section by section in the result's order. */
export interface ParameterNames {
  sweep?: string;
  grid?: [string, string];
  /** One per tornado row, in the rows' order. */
  tornado: string[];
  switching: string[];
  monte_carlo: string[];
}

export interface AnalysisReport {
  result: AnalysisResult;
  /** The request's labels in the language, else the core's words. */
  names: ParameterNames;
  /** The core's readable report, byte for byte `samkalk analyse --format table --lang`. */
  table: string;
}

/** analyse() with the parameters' names and the core's report in one language. */
export function report(scenario: Scenario | string, analysis: AnalysisRequest | string, options?: ReportOptions): AnalysisReport;
/** The words of the analysis tables and charts in a language, by key (the core's). */
export function words(lang?: 'sv' | 'en'): Record<string, string>;
/** The samkalk core's version. */
export const version: string;

declare const api: {
  ScenarioError: typeof ScenarioError;
  AnalysisError: typeof AnalysisError;
  AnalysisCancelled: typeof AnalysisCancelled;
  analyse: typeof analyse;
  analyseText: typeof analyseText;
  report: typeof report;
  words: typeof words;
  version: string;
};
export default api;
