import type { Command } from 'commander';
import { workingCalendar } from '../../domain/calendar/bank-holidays.js';
import { formatUkDate, parseLocalDate } from '../../domain/calendar/local-date.js';
import { invalid } from '../../domain/errors.js';
import { computeDeadline, DIVISION_OF, RULES, ruleStanding } from '../../domain/deadlines/rules.js';
import { JURISDICTIONS, type Jurisdiction } from '../../domain/vocabulary.js';
import { fields, table } from '../format.js';
import { globals, type CliRuntime } from '../runtime.js';

interface RuleDueOptions {
  from: string;
  jurisdiction: string;
  dob?: string;
  recordKind?: string;
  certificate?: string;
  mediationWanted?: string;
  acknowledged?: string;
}

/** The deadline rules need no database: they are pure functions of a trigger date. */
export function registerRules(program: Command, rt: CliRuntime): void {
  const rules = program.command('rules').description('the statutory and contractual deadline rules, with citations');

  rules
    .command('list')
    .description('every date-producing rule')
    .action((_opts: unknown, cmd: Command) => {
      const rows = RULES.map((r) => ({
        rule: r.id,
        family: r.family,
        title: r.title,
        trigger: r.trigger,
        party: r.party,
        convention: r.convention,
        hard: r.hard,
        jurisdictions: r.jurisdictions,
        citation: r.citation,
        tag: r.tag,
        standing: ruleStanding(r.id)!.words,
        basis: ruleStanding(r.id)!.basis,
        configurable: r.tag === 'U',
        params: r.params,
      }));
      rt.out(
        globals(cmd).json
          ? JSON.stringify(rows, null, 2)
          : table(rows, [
              ['rule', 'Rule'],
              ['title', 'What'],
              ['convention', 'Count'],
              ['standing', 'Standing'],
              ['citation', 'Citation'],
            ]),
      );
    });

  rules
    .command('due <ruleId>')
    .description("compute a rule's due date from its trigger date")
    .requiredOption('--from <date>', "the rule's trigger date, YYYY-MM-DD (for EHCP-AR-04 the meeting date)")
    .option('--jurisdiction <j>', JURISDICTIONS.join(', '), 'england')
    .option('--dob <date>', 'date of birth (REC-03 for children)')
    .option('--record-kind <kind>', 'adult, child or mental_health (REC-03)')
    .option('--certificate <date>', 'mediation certificate date (EHCP-TR-01)')
    .option('--mediation-wanted <date>', 'the day the parent said they want mediation (EHCP-TR-04)')
    .option('--acknowledged <date>', 'the day the defendant acknowledged the letter of claim (ML-PAP-01)')
    .action((ruleId: string, opts: RuleDueOptions, cmd: Command) => {
      const jurisdiction = opts.jurisdiction.toLowerCase() as Jurisdiction;
      if (!JURISDICTIONS.includes(jurisdiction)) throw invalid(`--jurisdiction must be one of ${JURISDICTIONS.join(', ')}, not "${opts.jurisdiction}".`);
      if (opts.recordKind && !['adult', 'child', 'mental_health'].includes(opts.recordKind))
        throw invalid('--record-kind must be adult, child or mental_health.');
      const from = parseLocalDate(opts.from, '--from');
      const result = computeDeadline(ruleId, from, {
        jurisdiction,
        calendar: workingCalendar(DIVISION_OF[jurisdiction]),
        ...(opts.dob ? { dob: parseLocalDate(opts.dob, '--dob') } : {}),
        ...(opts.recordKind ? { record_kind: opts.recordKind as 'adult' } : {}),
        ...(opts.certificate ? { mediation_certificate_on: parseLocalDate(opts.certificate, '--certificate') } : {}),
        ...(opts.mediationWanted ? { mediation_wanted_on: parseLocalDate(opts.mediationWanted, '--mediation-wanted') } : {}),
        ...(opts.acknowledged ? { acknowledged_on: parseLocalDate(opts.acknowledged, '--acknowledged') } : {}),
      });
      const standing = ruleStanding(result.rule)!;
      if (globals(cmd).json) {
        rt.out(
          JSON.stringify(
            {
              rule: result.rule,
              due: result.due,
              reason: result.reason,
              citation: result.citation,
              trigger: result.trigger,
              convention: result.convention,
              hard: result.hard,
              tag: result.tag,
              basis: standing.basis,
              standing: standing.words,
              ...(result.target ? { target: result.target } : {}),
              ...(result.also ? { also: result.also } : {}),
            },
            null,
            2,
          ),
        );
      } else {
        rt.out(
          [
            fields({ ...result, standing: standing.words }, [
              ['rule', 'Rule'],
              ['title', 'What'],
              ['due', 'Due'],
              ['target', 'Practice target'],
              ['reason', 'Why'],
              ['standing', 'Standing'],
              ['citation', 'Citation'],
            ]),
            ...(result.also ?? []).map((a) => `Also: ${a.label} ${formatUkDate(a.due)}`),
          ].join('\n'),
        );
      }
    });
}
