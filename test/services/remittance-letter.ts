const pounds = (p: number) => `£${(p / 100).toFixed(2)}`;

/** A column-aligned insurer remittance, as insurers print them. */
export function remittanceLetter(rows: { member: string; invoice: string; paid: number }[], reference = 'BUPA-REM-26-5512'): Buffer {
  const total = rows.reduce((s, r) => s + r.paid, 0);
  const line = (r: (typeof rows)[number]) =>
    `${r.member.padEnd(17)}  MEM1234567      ${r.invoice.padEnd(14)}  10/09/2026         ${pounds(r.paid).padEnd(9)}  ${pounds(r.paid)}`;
  return Buffer.from(
    [
      'Bupa',
      'Provider Payments',
      '',
      'REMITTANCE ADVICE',
      '',
      'To:  Harbour Lane OT',
      '',
      'Remittance date:     20/11/2026',
      `Payment reference:   ${reference}`,
      'Payment method:      BACS',
      'Payment date:        24/11/2026',
      '',
      'The following claims have been assessed and will be paid to your nominated',
      'bank account on the payment date shown above.',
      '',
      'Member name        Membership no.  Your invoice    Date of treatment  Claimed    Paid',
      '-----------------  --------------  --------------  -----------------  ---------  ---------',
      ...rows.map(line),
      '                                                                      ---------  ---------',
      `                                                   Total              ${pounds(total).padEnd(9)}  ${pounds(total)}`,
      '',
      'Bupa Insurance Limited. This is a computer-generated document.',
      '',
    ].join('\n'),
  );
}
