/**
 * Triage throughput on one core, beside bare mailparser on the same files: every document is
 * held in memory, then triaged sequentially for a number of rounds (after a warm-up round), and
 * separately parsed by mailparser's simpleParser alone. CPU time is the measure of one core.
 * Target: at least 500 documents per CPU-second for triage.
 *
 *   npx tsx bench/triage.ts [DIR] [--rounds N]
 *
 * Without DIR it uses 60 synthetic letters made here (plain, HTML and quoted-printable emails
 * and posted letters, fictional people); with DIR, the .eml and .txt files in it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { simpleParser } from 'mailparser';
import type { LocalDate } from '../src/domain/calendar/local-date.js';
import { isTriageError, triageDocument } from '../src/triage/triage.js';

const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 20;
const dirArg = args.find((a, i) => !a.startsWith('-') && args[i - 1] !== '--rounds');

const FIRST = ['Ada', 'Priya', 'Tomasz', 'Grace', 'Oliver', 'Fatima', 'Harry', 'Mei'];
const LAST = ['Testchild', 'Shah', 'Nowak', 'Okoro', 'Bennett', 'Rahman', 'Lloyd', 'Chen'];
const crlf = (s: string) => s.replace(/\r?\n/g, '\r\n');

/** Sixty letters of the kinds a practice receives, varied so no two are the same bytes. */
function synthetic(): { name: string; bytes: Uint8Array }[] {
  const out: { name: string; bytes: Uint8Array }[] = [];
  for (let i = 0; i < 60; i++) {
    const who = `${FIRST[i % 8]} ${LAST[(i * 3) % 8]}`;
    const day = 1 + (i % 27);
    const head = (subject: string, extra = '') =>
      `From: Sender ${i} <sender${i % 7}@org${i % 5}.test>\nTo: office@practice.test\nSubject: ${subject}\nDate: Mon, ${String(day).padStart(2, '0')} Nov 2026 09:00:00 +0000\nMessage-ID: <b${i}@org.test>\nMIME-Version: 1.0\n${extra}`;
    const body = `Dear Therapist,\n\nRe: ${who}, date of birth ${String(day).padStart(2, '0')}/0${1 + (i % 9)}/2015\nOur ref: EHC/2026/${1000 + i}\n\nWe are carrying out an EHC needs assessment and request your occupational therapy advice within six weeks of this letter.\nThe annual review meeting is on Tuesday ${day} January 2027 at 10.00am.\n\nYours sincerely,\nCase Officer ${i}\nSEND Team`;
    switch (i % 4) {
      case 0:
        out.push({
          name: `s-${i}.eml`,
          bytes: Buffer.from(crlf(`${head(`EHC needs assessment - ${who}`, 'Content-Type: text/plain; charset=utf-8\n')}\n${body}\n`)),
        });
        break;
      case 1: {
        const html = `<html><body>${body
          .split('\n\n')
          .map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`)
          .join('')}</body></html>`;
        out.push({
          name: `s-${i}.eml`,
          bytes: Buffer.from(
            crlf(
              `${head(`Annual review - ${who}`, 'Content-Type: multipart/alternative; boundary="b"\n')}\n--b\nContent-Type: text/plain; charset=utf-8\n\n${body}\n--b\nContent-Type: text/html; charset=utf-8\n\n${html}\n--b--\n`,
            ),
          ),
        });
        break;
      }
      case 2:
        out.push({
          name: `s-${i}.eml`,
          bytes: Buffer.from(
            crlf(
              `${head(`Authorisation - ${who}`, 'Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n')}\nDear colleague,\n\nMembership number: 77${i}12345\nAuthorisation code: AUTH-${500000 + i}\n\nWe can confirm cover for six sessions for ${who}, valid until 31 March 2027. Cost =C2=A3850.00.\n\nKind regards,\nClaims Team\n`,
            ),
          ),
        });
        break;
      default:
        out.push({ name: `s-${i}.txt`, bytes: Buffer.from(`Northshire County Council\nCounty Hall\n\n${day} November 2026\n\n${body}\n`) });
    }
  }
  return out;
}

const docs = dirArg
  ? readdirSync(resolve(dirArg))
      .filter((f) => /\.(eml|txt)$/i.test(f))
      .sort()
      .map((f) => ({ name: f, bytes: readFileSync(join(resolve(dirArg), f)) }))
  : synthetic();
const today = '2026-11-27' as LocalDate;

async function measure(each: (d: { name: string; bytes: Uint8Array }) => Promise<unknown>) {
  for (const d of docs) await each(d);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < rounds; i++) for (const d of docs) await each(d);
  const cpu = process.cpuUsage(cpu0);
  const n = docs.length * rounds;
  return { cpuRate: n / ((cpu.user + cpu.system) / 1e6), wallRate: n / ((performance.now() - t0) / 1000) };
}

let errors = 0;
const triage = await measure(async (d) => {
  if (isTriageError(await triageDocument(d.name, d.bytes, { today }))) errors++;
});
const parser = await measure((d) => simpleParser(Buffer.from(d.bytes)));
const eml = docs.filter((d) => d.name.endsWith('.eml')).length;
console.log(
  `Triage benchmark: ${docs.length} documents (${eml} .eml, ${docs.length - eml} .txt${dirArg ? `, from ${dirArg}` : ', synthetic'}) × ${rounds} rounds, one process, sequential`,
);
console.log(
  `CPU: ${cpus()[0]?.model ?? 'unknown'}; Node ${process.version}; load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ')}`,
);
console.log(
  `  triage            ${triage.cpuRate.toFixed(0)} documents per CPU-second, ${triage.wallRate.toFixed(0)} per wall second   (target ≥ 500: ${triage.cpuRate >= 500 ? 'PASS' : 'FAIL'})`,
);
console.log(`  bare mailparser   ${parser.cpuRate.toFixed(0)} documents per CPU-second, ${parser.wallRate.toFixed(0)} per wall second`);
console.log(`  unreadable        ${errors / (rounds + 1)}`);
process.exitCode = triage.cpuRate >= 500 ? 0 : 1;
