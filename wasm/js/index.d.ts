// TypeScript types of the samkalk package (web and node builds). The scenario and result
// formats are MODEL.md's (docs/method.md); `schema()` returns the scenario's JSON Schema.

/**
 * An exact decimal: a JS number (read through its shortest decimal form, so 0.1 is exactly
 * 0.1) or a string spelled like a JSON number ("1234.5"), at most 28 decimals.
 */
export type DecimalInput = number | string;

/** The seven actors, in the order every result lists them. */
export type ActorId =
  | 'municipality'
  | 'employment_service'
  | 'social_insurance'
  | 'region'
  | 'state'
  | 'employer'
  | 'individual';

/** An actor or `society` (the sum of all seven). */
export type RowId = ActorId | 'society';

export interface TaxRates {
  municipal_rate?: DecimalInput;
  regional_rate?: DecimalInput;
  employer_contribution_rate?: DecimalInput;
}

/** A yearly flow per person; a null payer or payee is outside the public economy. */
export interface Flow {
  label?: string;
  payer?: ActorId | null;
  payee?: ActorId | null;
  /** Kronor per person and year, 0..=10^12. */
  amount: DecimalInput;
  source?: string;
}

export interface Earnings {
  monthly_wage: DecimalInput;
  /** Default 1. */
  employment_rate?: DecimalInput;
  /** Default 1. */
  productivity?: DecimalInput;
}

/** A situation a person can be in for a year (AM2, work, studies ...). */
export interface State {
  label?: string;
  description?: string;
  flows?: Flow[];
  earnings?: Earnings;
}

export interface Intervention {
  cost_per_participant?: DecimalInput;
  fixed_cost?: DecimalInput;
  optimism_bias?: DecimalInput;
  /** Whole months, 1..=600; default 1. */
  duration_months?: number;
  /** Whole months from January of start_year, 0..=720; default 0. */
  start_month?: number;
  /** Actor → share of the cost; the shares sum to exactly 1. Default: all municipality. */
  financing?: Partial<Record<ActorId, DecimalInput>>;
}

export interface Outcome {
  /** A state id (built in or given under `states`), not the cohort's origin. */
  target: string;
  share: DecimalInput;
  counterfactual_share?: DecimalInput;
  deadweight?: DecimalInput;
  attribution?: DecimalInput;
  displacement?: DecimalInput;
  /** Share still in the target state one year later; default 1. */
  retention?: DecimalInput;
  lag_months?: number;
}

export interface Cohort {
  name?: string;
  /** A state id: "AM1", "AM2", "AM3", "work", "subsidised_work", "studies" or your own. */
  origin: string;
  /** Whole number, 0..=10,000,000. */
  participants: number;
  intervention?: Intervention;
  outcomes?: Outcome[];
}

/** A scenario (MODEL.md). */
export interface Scenario {
  version?: 1;
  name?: string;
  start_year: number;
  price_year?: number;
  /** Default 4 (a political term). */
  horizon_years?: number;
  /** In [0, 1); default 0. */
  discount_rate?: DecimalInput;
  tax?: TaxRates;
  /** Your states by id; an id that is built in replaces the built-in state whole. */
  states?: Record<string, State>;
  cohorts?: Cohort[];
}

/** Money in kronor with two decimals (öre), as an exact string: "-1345020.00". */
export type Money = string;

/** One actor's (or society's) figures; arrays have one entry per year. */
export interface ActorResult {
  gain: Money[];
  investment: Money[];
  net: Money[];
  cumulative_net: Money[];
  total_gain: Money;
  total_investment: Money;
  total_net: Money;
  npv: Money;
  payback_year: number | null;
  /** Four decimals, e.g. "5.6151"; null when the actor invests nothing. */
  benefit_cost_ratio: string | null;
}

export type BreakEvenKind = 'always' | 'never' | 'at_least' | 'at_most';

export interface BreakEven {
  /** Absolute share with six decimals ("0.068345"); null for always and never. */
  share: string | null;
  kind: BreakEvenKind;
}

export interface CohortResult {
  name: string;
  /** Seven actors then society; `{}` for a cohort without outcomes. */
  break_even: Partial<Record<RowId, BreakEven>>;
}

/** MODEL.md's result. */
export interface CalculationResult {
  version: number;
  years: number[];
  actors: Record<ActorId, ActorResult>;
  society: ActorResult;
  cohorts: CohortResult[];
}

/** One fault of a scenario: where (`cohorts[0].outcomes[0].share`) and what, for people. */
export interface FieldError {
  path: string;
  message: string;
}

/** Thrown by every function that takes a scenario, when the scenario cannot be calculated. */
export class ScenarioError extends Error {
  constructor(errors: FieldError[]);
  readonly name: 'ScenarioError';
  readonly errors: FieldError[];
}

export interface SourcedRate {
  value: string;
  source: string;
  note: string;
}

/** The built-in parameter set. */
export interface Defaults {
  price_year: number;
  tax: { municipal_rate: string; regional_rate: string; employer_contribution_rate: string };
  tax_sources: { municipal_rate: SourcedRate; regional_rate: SourcedRate; employer_contribution_rate: SourcedRate };
  /** Valid scenario states (each flow also carries a `note` with its arithmetic). */
  states: Record<string, State & { flows: (Flow & { note?: string })[] }>;
}

export interface BreakEvenSentence {
  actor: RowId;
  /** Swedish name: "Kommunen", ..., "Samhället". */
  who: string;
  kind: BreakEvenKind;
  share: string | null;
  /** "Kommunen går jämnt ut om minst 6,8 % av deltagarna når arbete." */
  text: string;
}

export interface CohortBreakEven {
  name: string;
  origin: string;
  /** The first outcome's target state id; null without outcomes. */
  target: string | null;
  /** How the target is named in a sentence ("arbete"). */
  target_phrase: string | null;
  /** Seven actors then society; empty without outcomes. */
  sentences: BreakEvenSentence[];
}

export interface ActorName {
  id: RowId;
  swedish: string;
  english: string;
}

/** Calculates a scenario (an object or JSON text). Throws ScenarioError when it is invalid. */
export function calculate(scenario: Scenario | string): CalculationResult;
/** Every fault of a scenario; [] when valid. Never throws. */
export function validate(scenario: unknown): FieldError[];
/** The built-in parameter set (a fresh copy). */
export function defaults(): Defaults;
/** The JSON Schema (draft 2020-12) of a scenario (a fresh copy). */
export function schema(): Record<string, unknown>;
/** The result as CSV: `actor,year,gain,investment,net,cumulative_net`, money in öre. */
export function toCsv(scenario: Scenario | string, options?: { lang?: 'sv' | 'en' }): string;
/** The core's readable report in Swedish (plain text). */
export function report(scenario: Scenario | string): string;
/** Each cohort's break-even as Swedish sentences. */
export function breakEven(scenario: Scenario | string): CohortBreakEven[];
/** Whole kronor, Swedish style: "1234567.49" → "1 234 567 kr". */
export function kronor(amount: DecimalInput): string;
/** A share as a Swedish percentage with one decimal: "0.068345" → "6,8 %". */
export function percent(share: DecimalInput): string;
/** The seven actors and society, in result order. */
export function actors(): ActorName[];
/** The samkalk core's version. */
export const version: string;
/** Longest scenario text accepted, in characters. */
export const MAX_SCENARIO_CHARS: number;
/** The analysis module (samkalk/analysis: analyse, analyseText), loaded on first use. */
export function loadAnalysis(): Promise<typeof import('./analysis')>;
export { AnalysisError, AnalysisCancelled } from './analysis';

declare const api: {
  ScenarioError: typeof ScenarioError;
  calculate: typeof calculate;
  validate: typeof validate;
  defaults: typeof defaults;
  schema: typeof schema;
  toCsv: typeof toCsv;
  report: typeof report;
  breakEven: typeof breakEven;
  kronor: typeof kronor;
  percent: typeof percent;
  actors: typeof actors;
  loadAnalysis: typeof loadAnalysis;
  version: string;
};
export default api;
