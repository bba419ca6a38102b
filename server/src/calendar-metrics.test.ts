import { startTestServer } from './testing/server';

// The server exports how far its SLA calendars' holiday data goes, as the exporters do for theirs.
test('/metrics carries opsdesk_calendar_holidays_known_through_year for calendars with built-in holidays', async () => {
  const s = await startTestServer('sqlite', {
    sla: {
      calendars: [
        { name: '5x8-cn', hours: { weekdays: '09:00-17:00' }, holidays: { builtin: 'cn' } },
        { name: 'ops', hours: '24x7' },
      ],
      policies: [
        { severity: 'P1', response: '15m', resolution: '4h', calendar: 'ops' },
        { severity: 'P2', response: '30m', resolution: '8h', calendar: '5x8-cn' },
        { severity: 'P3', response: '2h', resolution: '24h', calendar: '5x8-cn' },
        { severity: 'P4', response: '8h', resolution: '72h', calendar: '5x8-cn' },
      ],
    },
  });
  try {
    const body = await (await fetch(`${s.url}/metrics`)).text();
    expect(body).toMatch(/^opsdesk_calendar_holidays_known_through_year\{calendar="5x8-cn"\} 20\d\d$/m);
    expect(body).not.toContain('opsdesk_calendar_holidays_known_through_year{calendar="ops"}'); // 24×7: no holidays
  } finally {
    await s.stop();
  }
});
