// Type-checks the hand-written declarations (wasm/js/index.d.ts, analysis.d.ts) the way a
// TypeScript user calls the package: `tsc -p wasm/tests/types` (run by wasm/test.sh). Never
// executed; a declaration that drifts from real use fails to compile here, and each line
// expected to be an error (marked so) must stay one.
import samkalk, { calculate, publicSector, calculateWithPublicSector, validate, ScenarioError, kronor, percent, actors, loadAnalysis } from '../../js/index';
import type { ActorId, CalculationResult, FieldError, Money, RowId, Scenario, StateSummary } from '../../js/index';
import { analyse, analyseText, report, words, AnalysisError, AnalysisCancelled } from '../../js/analysis';
import type { AnalysisReport, AnalysisRequest, AnalysisResult, ByWho, GivenLabel, Statistics } from '../../js/analysis';

const scenario: Scenario = {
  start_year: 2026,
  discount_rate: '0.035',
  cohorts: [
    {
      name: 'AM2-grupp',
      origin: 'AM2',
      participants: 20,
      intervention: { cost_per_participant: 40000, duration_months: 6, financing: { municipality: '0.5', region: 0.5 } },
      outcomes: [{ target: 'work', share: '0.6', retention: 0.9 }],
    },
  ],
};

// @ts-expect-error start_year is required
const noYear: Scenario = { cohorts: [] };
void noYear;

export function publicNpv(): Money {
  const both = calculateWithPublicSector(scenario);
  const npv: Money = both.publicSector.npv;
  void both.result.society;
  return publicSector(scenario).npv === npv ? npv : both.result.society.npv;
}

export function npvs(): Money[] {
  const result: CalculationResult = calculate(scenario);
  const ids: ActorId[] = ['municipality', 'region'];
  const rows: Money[] = ids.map((id) => result.actors[id].npv);
  rows.push(result.society.npv);
  const ratio: string | null = result.society.benefit_cost_ratio;
  const payback: number | null = result.actors.municipality.payback_year;
  const first = result.cohorts[0]?.break_even.society;
  const share: string | null = first ? first.share : null;
  // @ts-expect-error money is an exact string, not a number
  const wrong: number = result.society.npv;
  void [ratio, payback, share, wrong];
  return rows;
}

export function faults(text: string): FieldError[] {
  try {
    calculate(text);
    return validate(JSON.parse(text) as unknown);
  } catch (e) {
    if (e instanceof ScenarioError) {
      const paths: string[] = e.errors.map((f) => f.path);
      void paths;
      return e.errors;
    }
    throw e;
  }
}

export function labels(): string[] {
  const ids: RowId[] = actors().map((a) => a.id);
  return [...ids, kronor('1234567.49'), percent(0.068345), samkalk.version];
}

export async function analysis(): Promise<Money> {
  const request: AnalysisRequest = {
    sweep: { parameter: 'cohorts[0].outcomes[0].share', values: ['0.3', 0.6] },
    tornado: { parameters: [{ parameter: 'discount_rate', label: 'Kalkylränta', low: 0, high: '0.05' }] },
    switching: [{ parameter: 'cohorts[0].intervention.cost_per_participant', label: { sv: 'Pris', en: 'Price' }, actor: 'society' }],
    monte_carlo: {
      draws: 1000,
      seed: 42,
      parameters: [{ parameter: 'cohorts[0].outcomes[0].share', distribution: { kind: 'pert', low: '0.3', mode: '0.6', high: '0.8' } }],
    },
  };
  // @ts-expect-error a label is text or {sv, en}
  const badLabel: AnalysisRequest = { sweep: { parameter: 'x', label: 5, values: [1] } };
  void badLabel;
  // @ts-expect-error a distribution needs its kind's fields
  const bad: AnalysisRequest = { monte_carlo: { draws: 1, seed: 1, parameters: [{ parameter: 'x', distribution: { kind: 'uniform' } }] } };
  void bad;
  try {
    const result: AnalysisResult = analyse(scenario, request, { onProgress: (done, total) => done < total });
    const text: string = analyseText(scenario, request, { pretty: true });
    const stats: ByWho<Statistics> | undefined = result.monte_carlo?.statistics;
    const gains: string | undefined = stats?.municipality.probability_gain;
    const switching = result.switching?.[0];
    const side: 'above' | 'below' | undefined = switching?.gains;
    const labelled: GivenLabel | undefined = switching?.label;
    const read: AnalysisReport = report(scenario, request, { lang: 'en' });
    const names: string[] = read.names.tornado;
    const swing: string | undefined = words('en')['swing'];
    void [text, gains, side, labelled, read.table, names, swing];
    const lazy = await loadAnalysis();
    return lazy.analyse(scenario, request).base.npv.society;
  } catch (e) {
    if (e instanceof AnalysisError) return e.kind === 'analysis' ? e.errors[0]?.message ?? '' : '';
    if (e instanceof AnalysisCancelled) return `${e.done}/${e.total}`;
    throw e;
  }
}

// A built-in state with one number changed, under a scenario's states.
export function changedAm3(): CalculationResult {
  const am3 = samkalk.state('AM3').withFlow('Försörjningsstöd', { amount: '138000' }).withoutFlow('Specialiserad psykiatrisk vård');
  return calculate({ start_year: 2026, states: { AM3: am3, deltid: samkalk.state('work').withEarnings({ employment_rate: 0.5 }) } });
}

/** The workbench's exports: a state's yearly cost per actor, price years, exact field text. */
export function workbench(): string {
  const am3: StateSummary | undefined = samkalk.stateSummary(scenario).find((s) => s.id === 'AM3');
  const cost: string | undefined = am3?.cost.municipality;
  const years: number[] = samkalk.priceYears();
  const field: string = samkalk.inputText('percent', '0.125');
  const warning: string | null = samkalk.comparisonWarning('0.6', 0.7, 'sv');
  // @ts-expect-error inputText reads amounts and percentages only
  samkalk.inputText('whole', '1');
  return `${cost ?? ''} ${years.length} ${field} ${warning ?? ''}`;
}
