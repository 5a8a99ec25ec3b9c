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
  /** How the amount follows from the source (informational, like `source`). */
  note?: string;
  /** Version 2: a step cost (paid by an actor to null), invested for the effect population. */
  investment?: boolean;
  /** Version 2: a taxable benefit to the individual (version 1 accepts the built-in flags). */
  taxable?: boolean;
}

export interface Earnings {
  monthly_wage: DecimalInput;
  /** Default 1. */
  employment_rate?: DecimalInput;
  /** Default 1. */
  productivity?: DecimalInput;
  source?: string;
  note?: string;
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
  /** Version 2: onward moves of the effect population (at most 20). */
  then?: Move[];
}

/** Version 2: an onward move from `from` (default the target) to `to` (the origin: leaving). */
export interface Move {
  from?: string;
  to: string;
  /** Share of the effect population in `from`, in [0, 1]. */
  share: DecimalInput;
  /** Months after the outcome's move month, 0..=720; default 0. */
  after_months?: number;
  /** Repeat every so many months, 1..=720. */
  every_months?: number;
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
  /** 1 (default), or 2 for pathways (`then`, `investment`). */
  version?: 1 | 2;
  name?: string;
  start_year: number;
  price_year?: number;
  /** Default 4 (a political term). */
  horizon_years?: number;
  /** In [0, 1); default 0. */
  discount_rate?: DecimalInput;
  tax?: TaxRates;
  /** Your states by id; an id that is built in replaces the built-in state whole. A state
   * may instead extend a built-in one (`state("AM3").withFlow(...)`). */
  states?: Record<string, State | ExtendedState>;
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

/** Something an analysis fault happened within, written before its message. */
export type FaultContext =
  | { kind: 'parameter'; path: string }
  | { kind: 'with'; path: string }
  | { kind: 'draw'; draw: number }
  | { kind: 'invalid_draw'; draw: number; values: [string, string][] };

/**
 * One fault: where (`cohorts[0].outcomes[0].share`) and what. `code` is stable (docs/method.md,
 * "Fault codes"), `params` holds the values its message needs (decimals as text); the core
 * writes the message in Swedish (`message_sv`) and English (`message_en`; `message` is the
 * same English text). Faults the JS wrapper finds itself have only `path` and `message`.
 */
export interface FieldError {
  path: string;
  message: string;
  code?: string;
  params?: Record<string, unknown>;
  context?: FaultContext[];
  message_sv?: string;
  message_en?: string;
}

/** Thrown by every function that takes a scenario, when the scenario cannot be calculated. */
export class ScenarioError extends Error {
  constructor(errors: FieldError[]);
  /** 'AnalysisError' for the subclass of samkalk/analysis. */
  readonly name: 'ScenarioError' | 'AnalysisError';
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
  /** Scenario states that paste back unchanged (each flow carries a `note` with its arithmetic). */
  states: Record<string, State & { flows: Flow[] }>;
}

/** A change of a built-in flow (the fields given replace the built-in ones), or a new flow
 * (then `amount` is required); `{remove: true}` removes the built-in flow. */
export interface FlowChange {
  payer?: ActorId | null;
  payee?: ActorId | null;
  amount?: DecimalInput;
  source?: string;
  note?: string;
  investment?: boolean;
  taxable?: boolean;
}
export interface EarningsChange {
  monthly_wage?: DecimalInput;
  employment_rate?: DecimalInput;
  productivity?: DecimalInput;
  source?: string;
  note?: string;
}
/** A state that starts from a built-in one (docs/method.md, "Changing a built-in state"). */
export interface ExtendedState {
  extends: string;
  label?: string;
  description?: string;
  /** Keyed by the flow's label. */
  flows?: Record<string, FlowChange | { remove: true }>;
  earnings?: EarningsChange | { remove: true };
}
/** An ExtendedState with methods that return a new, checked one (JSON.stringify writes only the fragment). */
export interface StateChange extends ExtendedState {
  withFlow(label: string, fields: FlowChange): StateChange;
  withoutFlow(label: string): StateChange;
  withEarnings(fields: EarningsChange): StateChange;
  withoutEarnings(): StateChange;
  withLabel(label: string): StateChange;
}
/** A state starting from the built-in state `extendsId`; throws ScenarioError (`not_built_in`,
 * or the core's fault for a change) at each step the core refuses. */
export function state(extendsId: string, options?: { label?: string }): StateChange;

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

/** Typed text that is not the number asked for; messages are the core's. */
export class InputError extends Error {
  constructor(code: InputErrorCode, messageSv: string, messageEn: string);
  readonly name: 'InputError';
  readonly code: InputErrorCode;
  /** Swedish (also `.message`). */
  readonly message_sv: string;
  readonly message_en: string;
}

export type InputErrorCode = 'missing' | 'not_a_number' | 'ambiguous_separator' | 'too_many_decimals' | 'not_a_whole_number' | 'too_large';
export type Lang = 'sv' | 'en';
export type InputKind = 'amount' | 'percent' | 'whole';

/** The core's labels in one language. */
export interface Labels {
  actors: Record<ActorId, string>;
  society: string;
  public_sector: string;
  public_sector_members: ActorId[];
  fields: Record<string, string>;
  break_even_kinds: Record<BreakEvenKind, string>;
  /** Headings of tables and charts that are not result fields. */
  headings: Record<HeadingId, string>;
}

/** The ids of the core's headings (`present::Heading`). */
export type HeadingId = 'title' | 'actor' | 'year' | 'cohort' | 'break_even' | 'currency' | 'persons' | 'trace';

export interface ParameterLabel {
  parameter: string;
  what: string;
  low: string;
  high: string;
}

/** The standard sensitivity request (docs/analysis.md's format) and a label per tornado parameter. */
export interface StandardAnalysis {
  request: Record<string, unknown>;
  /** One per tornado parameter, then one per parameter only the Monte Carlo varies. */
  labels: ParameterLabel[];
  /** What the Monte Carlo varies and how, for people; "" without a Monte Carlo. */
  method: string;
}

/** Calculates a scenario (an object or JSON text). Throws ScenarioError when it is invalid. */
export function calculate(scenario: Scenario | string): CalculationResult;
/** The public sector as a whole (municipality, Arbetsförmedlingen, Försäkringskassan, region,
 * state), derived by the core from the exact flows. Throws ScenarioError when it is invalid. */
export function publicSector(scenario: Scenario | string): ActorResult;
/** One calculation's result and its public sector. Throws ScenarioError when it is invalid. */
export function calculateWithPublicSector(scenario: Scenario | string): { result: CalculationResult; publicSector: ActorResult };
/** Every fault of a scenario; [] when valid. Never throws. */
export function validate(scenario: unknown): FieldError[];
/** A warning: valid input that looks like a mistake (docs/method.md, "Warning codes"). */
export interface ScenarioWarning {
  path: string;
  code: 'nominal_municipal_rate';
  params: Record<string, unknown>;
  message: string;
  message_sv: string;
  message_en: string;
}
/** Every warning of a scenario; [] when there are none or it is invalid. Never throws. */
export function warnings(scenario: unknown): ScenarioWarning[];
/** The built-in parameter set (a fresh copy); with priceYear (method version 2) its states
 * restated to that year by the prisbasbelopp. Throws ScenarioError at `price_year` for a year
 * outside the index. */
export function defaults(priceYear?: number): Defaults;
export interface MunicipalityRates {
  code: string;
  name: string;
  municipal_rate: string;
  regional_rate: string;
  burial_fee: string;
}
/** The price years the built-in states can be restated to (`defaults(priceYear)`). */
export function priceYears(): number[];
/** The municipalities' income tax rates (Skatteverket, skattesatser) of the latest year. */
export function municipalities(): {
  year: number;
  source: string;
  national: { municipal_rate: string; regional_rate: string; source: string };
  municipalities: MunicipalityRates[];
};
/** The JSON Schema (draft 2020-12) of a scenario (a fresh copy). */
export function schema(): Record<string, unknown>;
/** The result as CSV: `actor,year,gain,investment,net,cumulative_net`, money in öre. */
export function toCsv(scenario: Scenario | string, options?: { lang?: 'sv' | 'en' }): string;
/** One row of the effect trace (method version 2). */
export interface TraceRow {
  /** The cohort's name, or `cohorts[i]` when it has none. */
  cohort: string;
  year: number;
  state: string;
  /** Mean persons over the year's months, an exact decimal string with six decimals. */
  participants: string;
}
/** The effect trace: per cohort, year and state, the persons the intervention has moved there. */
export function trace(scenario: Scenario | string): TraceRow[];
/** A flow a state's wage adds under the scenario's tax model (production, wage, taxes). */
export interface DerivedRow {
  label: string;
  payer: ActorId | null;
  payee: ActorId | null;
  /** Kronor per person and year, exact. */
  amount: string;
}
/** A state as the calculation sees it (see stateSummary). */
export interface StateSummary {
  id: string;
  label: string;
  /** True when the scenario gives the state itself; false: the built-in one. */
  given: boolean;
  derived: DerivedRow[];
  /** Each actor's yearly net per person (receives minus pays), exact. */
  net: Record<ActorId, string>;
  /** Each actor's yearly cost per person (pays minus receives), exact. */
  cost: Record<ActorId, string>;
}
/** Every state a scenario uses (origins, targets, the states of moves), in that order. */
export function stateSummary(scenario: Scenario | string): StateSummary[];
/** The effect trace as CSV: `cohort,year,state,participants`. */
export function traceCsv(scenario: Scenario | string): string;
/** The core's readable report in Swedish (plain text). */
export function report(scenario: Scenario | string): string;
/** Each cohort's break-even as sentences (Swedish unless `lang` is "en"). */
export function breakEven(scenario: Scenario | string, lang?: Lang): CohortBreakEven[];
/** Whole kronor: "1234567.49" → "1 234 567 kr" (en "1,234,567 kr"). */
export function kronor(amount: DecimalInput, lang?: Lang): string;
/** Kronor with öre: "35000.5" → "35 000,50 kr". */
export function kronorOre(amount: DecimalInput, lang?: Lang): string;
/** A share as a percentage with one decimal: "0.068345" → "6,8 %" (en "6.8%"). */
export function percent(share: DecimalInput, lang?: Lang): string;
/** A ratio with two decimals: "1.2345" → "1,23" (en "1.23"). */
export function ratio(x: DecimalInput, lang?: Lang): string;
/** An amount rounded for a sentence: "3812345.67" → "3,8 miljoner kr". */
export function roundedAmount(amount: DecimalInput, lang?: Lang): string;
/** Typed Swedish amount → exact decimal text ("120.000" → "120000"). Throws InputError. */
export function parseAmount(text: string): string;
/** Typed Swedish percentage → the share as exact decimal text ("30 %" → "0.3"). Throws InputError. */
export function parsePercent(text: string): string;
/** Typed whole number → its decimal text ("1 200" → "1200"). Throws InputError. */
export function parseWhole(text: string): string;
/** Any of the three parsers by kind, without throwing. */
export function parseInput(kind: InputKind, text: string): { value: string; error?: undefined } | { value?: undefined; error: InputError };
/** A decimal as a form field holds it, exactly: `inputText('percent', '0.125')` → `"12,5"`. */
export function inputText(kind: 'amount' | 'percent', x: DecimalInput): string;
/** The core's warning when a comparison group is above the share reaching the target; null when none. */
export function comparisonWarning(share: DecimalInput, counterfactualShare: DecimalInput, lang?: Lang): string | null;
/** The core's labels in a language. */
export function labels(lang?: Lang): Labels;
/** The standard sensitivity request for a scenario. Throws ScenarioError when it is invalid. */
export function standardAnalysis(scenario: Scenario | string, lang?: Lang): StandardAnalysis;
/** One actor's tornado order: pairs of (npv_low, npv_high) → indices and swings, largest first. */
export function tornadoOrder(pairs: [DecimalInput, DecimalInput][]): { index: number; swing: string }[];
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
  publicSector: typeof publicSector;
  calculateWithPublicSector: typeof calculateWithPublicSector;
  validate: typeof validate;
  defaults: typeof defaults;
  state: typeof state;
  warnings: typeof warnings;
  municipalities: typeof municipalities;
  priceYears: typeof priceYears;
  schema: typeof schema;
  toCsv: typeof toCsv;
  trace: typeof trace;
  stateSummary: typeof stateSummary;
  traceCsv: typeof traceCsv;
  report: typeof report;
  InputError: typeof InputError;
  breakEven: typeof breakEven;
  kronor: typeof kronor;
  kronorOre: typeof kronorOre;
  percent: typeof percent;
  ratio: typeof ratio;
  roundedAmount: typeof roundedAmount;
  parseAmount: typeof parseAmount;
  parsePercent: typeof parsePercent;
  parseWhole: typeof parseWhole;
  parseInput: typeof parseInput;
  inputText: typeof inputText;
  comparisonWarning: typeof comparisonWarning;
  labels: typeof labels;
  standardAnalysis: typeof standardAnalysis;
  tornadoOrder: typeof tornadoOrder;
  actors: typeof actors;
  loadAnalysis: typeof loadAnalysis;
  version: string;
};
export default api;
