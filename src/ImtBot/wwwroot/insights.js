// The insights page: each chart drawn with Chart.js from /api/insights, with its numbers in a table beside it.
// No inline script (the Content-Security-Policy forbids it); text is set with textContent only.
'use strict';

const colors = ['#e01e5a', '#ecb22e', '#36c5f0', '#2eb67d', '#611f69', '#1264a3'];

const minutes = s => (s === null || s === undefined ? null : Math.round(s / 6) / 10);
const text = s => (s === null || s === undefined ? '–' : formatSeconds(s));

function formatSeconds(s) {
  if (s < 60) return `${Math.round(s)} s`;
  if (s < 3600) return `${Math.round(s / 60)} min`;
  const h = Math.floor(s / 3600), m = Math.round((s % 3600) / 60);
  return m ? `${h} h ${m} min` : `${h} h`;
}

function el(tag, props, ...children) {
  const e = document.createElement(tag);
  Object.assign(e, props || {});
  for (const c of children) e.append(c);
  return e;
}

// Week tables list the newest week first: the one a review meeting asks about is on top.
function section(id, title, note, headers, rows, config, newestFirst = true) {
  const canvas = el('canvas', { id: `${id}-chart`, role: 'img', ariaLabel: title });
  const table = el('table', { id: `${id}-table` },
    el('thead', null, el('tr', null, ...headers.map(h => el('th', { textContent: h })))),
    el('tbody', null, ...(newestFirst ? rows.slice().reverse() : rows).map(r => el('tr', null, ...r.map(c => el('td', { textContent: String(c) }))))));
  const box = el('section', { id },
    el('h2', { textContent: title }), el('p', { className: 'note', textContent: note }),
    el('div', { className: 'pair' }, el('div', { className: 'chart' }, canvas), el('div', { className: 'table' }, table)));
  document.getElementById('insights').append(box);
  config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options || {});
  new Chart(canvas, config);
}

function severities(weeks) {
  return [...new Set(weeks.flatMap(w => w.bySeverity.map(s => s.severity)))].sort((a, b) => a - b);
}

function render(data) {
  const weeks = data.weeks;
  const labels = weeks.map(w => w.week);
  const sevs = severities(weeks);
  document.getElementById('as-of').textContent =
    `Incidents declared in the last ${weeks.length} weeks (drills excluded, severity = the peak reached), as of ${new Date(data.asOf).toISOString().slice(0, 16).replace('T', ' ')} UTC. ` +
    `Follow-up actions overdue now: ${data.overdueNow}.`;

  section('per-week', 'Incidents per week', 'Declared in the week, by peak severity.',
    ['Week', 'Incidents', ...sevs.map(s => `SEV${s}`)],
    weeks.map(w => [w.week, w.incidents, ...sevs.map(s => (w.bySeverity.find(x => x.severity === s) || { incidents: 0 }).incidents)]),
    {
      type: 'bar',
      data: { labels, datasets: sevs.map((s, i) => ({ label: `SEV${s}`, backgroundColor: colors[i % colors.length], data: weeks.map(w => (w.bySeverity.find(x => x.severity === s) || { incidents: 0 }).incidents) })) },
      options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
    });

  const measures = [
    ['detect', 'Time to detect', 'From when impact began to when it was detected (only incidents with both recorded).'],
    ['acknowledge', 'Time to acknowledge', 'From declaration to the first acknowledged page.'],
    ['mitigate', 'Time to mitigate', 'From declaration to mitigated.'],
    ['resolve', 'Time to resolve', 'From declaration to resolved.'],
  ];
  for (const [key, title, note] of measures) {
    const stat = (w, s) => (w.bySeverity.find(x => x.severity === s) || {})[key] || { count: 0, median: null, p90: null };
    const datasets = sevs.flatMap((s, i) => [
      { label: `SEV${s} median`, borderColor: colors[i % colors.length], backgroundColor: colors[i % colors.length], spanGaps: true, data: weeks.map(w => minutes(stat(w, s).median)) },
      { label: `SEV${s} p90`, borderColor: colors[i % colors.length], backgroundColor: colors[i % colors.length], borderDash: [6, 4], spanGaps: true, data: weeks.map(w => minutes(stat(w, s).p90)) },
    ]);
    section(key, `${title}: median and p90 per severity`, `${note} Minutes; p90 dashed.`,
      ['Week', ...sevs.flatMap(s => [`SEV${s} n`, `SEV${s} median`, `SEV${s} p90`])],
      weeks.map(w => [w.week, ...sevs.flatMap(s => { const x = stat(w, s); return [x.count, text(x.median), text(x.p90)]; })]),
      { type: 'line', data: { labels, datasets }, options: { scales: { y: { beginAtZero: true, title: { display: true, text: 'minutes' } } } } });
  }

  section('adherence', 'Process adherence', 'Time without a commander (total of the week\'s incidents, minutes) and status updates later than the severity\'s cadence.',
    ['Week', 'Without commander', 'Median per incident', 'Late updates', 'Longest update gap'],
    weeks.map(w => [w.week, text(w.process.withoutCommander), text(w.process.medianWithoutCommander), w.process.lateUpdates, text(w.process.longestUpdateGap)]),
    {
      type: 'bar',
      data: {
        labels, datasets: [
          { label: 'Without commander (min)', backgroundColor: colors[0], data: weeks.map(w => minutes(w.process.withoutCommander)), yAxisID: 'y' },
          { label: 'Late updates', type: 'line', borderColor: colors[5], backgroundColor: colors[5], data: weeks.map(w => w.process.lateUpdates), yAxisID: 'y1' },
        ],
      },
      options: { scales: { y: { beginAtZero: true, position: 'left' }, y1: { beginAtZero: true, position: 'right', ticks: { precision: 0 }, grid: { drawOnChartArea: false } } } },
    });

  section('actions', 'Follow-up actions', 'Opened and done in the week; overdue (open past the due date) at the week\'s end.',
    ['Week', 'Opened', 'Done', 'Overdue'],
    weeks.map(w => [w.week, w.actions.opened, w.actions.done, w.actions.overdue]),
    {
      type: 'bar',
      data: {
        labels, datasets: [
          { label: 'Opened', backgroundColor: colors[2], data: weeks.map(w => w.actions.opened) },
          { label: 'Done', backgroundColor: colors[3], data: weeks.map(w => w.actions.done) },
          { label: 'Overdue', type: 'line', borderColor: colors[0], backgroundColor: colors[0], data: weeks.map(w => w.actions.overdue) },
        ],
      },
      options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });

  section('drills', 'Drill scores per scenario', 'Each run\'s score card (percent of the expected actions\' points); a running drill counts what was reached so far.',
    ['Scenario', 'Drill', 'Started', 'Score'],
    data.drills.flatMap(d => d.runs.map(r => [d.scenario, r.incident, r.startedAt.slice(0, 10), `${r.percent}%${r.ended ? '' : ' (running)'}`])),
    {
      type: 'bar',
      data: { labels: data.drills.map(d => d.scenario), datasets: [{ label: 'Average score (%)', backgroundColor: colors[4], data: data.drills.map(d => d.average) }] },
      options: { scales: { y: { beginAtZero: true, max: 100 } } },
    }, false);

  // Per team (Drills:Teams): the drills in which a member held a role, oldest first — the team's score trend.
  if ((data.teams || []).length > 0) {
    section('teams', 'Drill scores per team', 'A drill counts for a team when one of its members held a role in it.',
      ['Team', 'Drill', 'Scenario', 'Started', 'Score'],
      data.teams.flatMap(t => t.runs.map(r => [t.team, r.incident, r.scenario || '', r.startedAt.slice(0, 10), `${r.percent}%${r.ended ? '' : ' (running)'}`])),
      {
        type: 'line',
        data: {
          labels: [...new Set(data.teams.flatMap(t => t.runs.map(r => r.startedAt.slice(0, 10))))].sort(),
          datasets: data.teams.map((t, i) => ({
            label: t.team, borderColor: colors[i % colors.length], backgroundColor: colors[i % colors.length],
            data: t.runs.map(r => ({ x: r.startedAt.slice(0, 10), y: r.percent })),
          })),
        },
        options: { scales: { y: { beginAtZero: true, max: 100 } } },
      }, false);
  }

  document.body.dataset.ready = 'true';
}

fetch('/api/insights', { credentials: 'same-origin' })
  .then(r => (r.ok ? r.json() : Promise.reject(new Error(`GET /api/insights: ${r.status}`))))
  .then(render)
  .catch(e => { document.getElementById('as-of').textContent = `Could not load the insights: ${e.message}`; });
