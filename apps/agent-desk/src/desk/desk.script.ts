/**
 * The agents' page script (GET /desk/app.js): vanilla JavaScript, no build step. It talks to
 * the /v1 API with the agent's key as Bearer. Every piece of data reaches the page through
 * textContent or attributes set one by one (customer text is untrusted): no innerHTML anywhere.
 * (Kept free of backticks and dollar-brace so that it can live in this template literal.)
 */
export const DESK_SCRIPT = String.raw`'use strict';
(function () {
  var STORE = 'desk.agentKey';
  var state = {
    key: null, me: null, config: { leaseMs: 300000, rules: {} },
    current: null, leaseExpiresAt: null, lapsed: false,
    renewTimer: null, refreshTimer: null, tickTimer: null, busy: false,
  };
  var $ = function (id) { return document.getElementById(id); };

  var EVENTS = {
    'request.received': 'Received',
    'request.eligibility-decided': 'Eligibility decided',
    'request.classified': 'Classified',
    'request.routed': 'Routed to a team',
    'request.acknowledged': 'Acknowledged',
    'request.assigned': 'Claimed',
    'request.replied': 'Agent replied',
    'request.awaiting-customer': 'Waiting for the customer',
    'request.customer-replied': 'Customer replied',
    'request.customer-message': 'Customer message',
    'request.reminded': 'Reminder sent',
    'request.resolved': 'Resolved',
    'request.reopened': 'Reopened by the customer',
    'request.closed': 'Closed',
    'request.released': 'Released to the team queue',
    'request.lease-expired': 'Lease lapsed',
    'request.declined': 'Declined',
    'sla.warning': 'SLA warning',
    'sla.breached': 'SLA breached',
    'sla.escalated': 'SLA escalated',
  };
  var KINDS = { 'answer': 'Reply', 'information-request': 'Asked for information', 'diagnostic-utility': 'Asked to run a diagnostic utility' };
  var TEXT_FIELDS = ['body', 'summary', 'message', 'reason'];
  // Timeline details not worth an agent's eye (the classifier's evidence is in the API for those who want it).
  var HIDDEN_FIELDS = ['evidence', 'rulesVersion', 'submissionId'];

  // ---- DOM helpers: text only ---------------------------------------------------------------
  function el(tag, props, children) {
    var node = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (k) {
        var v = props[k];
        if (v === null || v === undefined || v === false) return;
        if (k === 'text') node.textContent = String(v);
        else if (k === 'className') node.className = v;
        else if (k === 'dataset') Object.keys(v).forEach(function (d) { node.dataset[d] = v[d]; });
        else if (k.slice(0, 2) === 'on') node.addEventListener(k.slice(2), v);
        else node.setAttribute(k, v === true ? '' : String(v));
      });
    }
    (children || []).forEach(function (c) {
      if (c === null || c === undefined || c === false) return;
      node.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    });
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }
  function say(text) { $('alert').hidden = true; $('alert').textContent = ''; $('status').textContent = text; }
  function warn(text) { $('status').textContent = ''; $('alert').textContent = text; $('alert').hidden = false; }

  function fmtTime(iso) {
    var d = new Date(iso);
    return isNaN(d.getTime()) ? String(iso) : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
  }
  function fmtSpan(ms) {
    var s = Math.floor(Math.abs(ms) / 1000);
    var d = Math.floor(s / 86400), h = Math.floor((s % 86400) / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
    var two = function (n) { return (n < 10 ? '0' : '') + n; };
    return (d ? d + 'd ' : '') + (d || h ? h + 'h ' : '') + two(m) + 'm ' + two(sec) + 's';
  }
  function countdown(iso, label) {
    return el('time', { datetime: iso, className: 'countdown', dataset: { deadline: iso, label: label || '' } }, [fmtTime(iso)]);
  }
  function tick() {
    var now = Date.now();
    document.querySelectorAll('[data-deadline]').forEach(function (node) {
      var at = Date.parse(node.dataset.deadline);
      if (isNaN(at)) return;
      var left = at - now;
      node.textContent = left >= 0 ? 'in ' + fmtSpan(left) : 'overdue by ' + fmtSpan(left);
      node.title = fmtTime(node.dataset.deadline);
      node.classList.toggle('overdue', left < 0);
    });
  }

  function clauseTitle(version, id) {
    var rules = state.config.rules[version] || state.config.rules[state.config.latest] || {};
    var c = rules[id];
    return c ? c.title : '';
  }
  function clauseItem(version, id) {
    var title = clauseTitle(version, id);
    return el('li', null, [el('span', { className: 'clause-id', text: id }), title ? ' ' : null, title ? el('span', { text: title }) : null]);
  }
  function clauseList(version, ids, className) {
    if (!ids || !ids.length) return el('span', { text: 'none' });
    return el('ul', { className: 'clauses' + (className ? ' ' + className : '') }, ids.map(function (id) { return clauseItem(version, id); }));
  }
  function badge(status) { return el('span', { className: 'badge s-' + status, text: status }); }
  function row(label, value) {
    return [el('dt', { text: label }), el('dd', null, [value === null || value === undefined || value === '' ? '—' : value])];
  }
  function dl(rows) {
    var node = el('dl');
    rows.forEach(function (r) { r.forEach(function (c) { node.appendChild(c); }); });
    return node;
  }
  function card(title, body) { return el('section', { className: 'card' }, [el('h3', { text: title })].concat(body)); }

  // ---- API -------------------------------------------------------------------------------
  function messageOf(data, fallback) {
    if (!data) return fallback;
    var m = data.message !== undefined ? data.message : data.error;
    if (Array.isArray(m)) return m.join('; ');
    if (m && typeof m === 'object') return JSON.stringify(m);
    if (Array.isArray(data.errors)) return data.errors.map(function (e) { return typeof e === 'string' ? e : (e.message || JSON.stringify(e)); }).join('; ');
    return m || fallback;
  }
  function api(method, path, body) {
    var headers = { Authorization: 'Bearer ' + state.key, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return fetch(path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store', credentials: 'omit' })
      .then(function (res) {
        return res.text().then(function (text) {
          var data = null;
          if (text) { try { data = JSON.parse(text); } catch (e) { data = { message: text.slice(0, 300) }; } }
          if (!res.ok) {
            var err = new Error(messageOf(data, res.status + ' ' + res.statusText));
            err.status = res.status;
            if (res.status === 401 && state.key) signOut('Your key was not accepted (' + err.message + '). Sign in again.');
            throw err;
          }
          return { status: res.status, data: data };
        });
      });
  }

  // ---- sign in / out -----------------------------------------------------------------------
  function loadConfig() {
    return fetch('/desk/config.json', { cache: 'no-store' }).then(function (r) { return r.ok ? r.json() : null; })
      .then(function (c) { if (c) state.config = c; }).catch(function () { /* titles are a nicety */ });
  }

  function signIn(key, quiet) {
    state.key = key;
    return api('GET', '/v1/agent/me').then(function (res) {
      sessionStorage.setItem(STORE, key);
      state.me = res.data;
      $('agent-name').textContent = res.data.name + ' (' + res.data.id + ')';
      $('who').hidden = false;
      $('signin').hidden = true;
      $('desk').hidden = false;
      $('agent-key').value = '';
      renderQueues(res.data);
      if (!quiet) say('Signed in as ' + res.data.name + '.');
      state.refreshTimer = setInterval(function () { refresh(true); }, 15000);
      state.tickTimer = setInterval(tick, 1000);
      return refreshMine();
    }).catch(function (err) {
      state.key = null;
      sessionStorage.removeItem(STORE);
      if (err.status === 403) warn('That key is not an agent key.');
      else if (err.status === 401) warn('That key was not accepted.');
      else warn('Could not sign in: ' + err.message);
      $('agent-key').focus();
    });
  }

  function signOut(message) {
    stopRenewing();
    clearInterval(state.refreshTimer); clearInterval(state.tickTimer);
    sessionStorage.removeItem(STORE);
    state.key = null; state.me = null; state.current = null; state.leaseExpiresAt = null;
    $('who').hidden = true; $('desk').hidden = true; $('signin').hidden = false;
    clear($('queues').tBodies[0]); clear($('mine'));
    showNothing();
    if (message) warn(message); else say('Signed out.');
    $('agent-key').focus();
  }

  // ---- queues and my requests --------------------------------------------------------------
  function renderQueues(me) {
    var body = clear($('queues').tBodies[0]);
    me.teams.forEach(function (t) {
      body.appendChild(el('tr', { dataset: { team: t.id } }, [
        el('th', { scope: 'row', text: t.id }),
        el('td', { className: 'num', text: t.waiting }),
        el('td', { className: 'num', text: t.active }),
      ]));
    });
    var back = me.returning ? me.returning.waiting : 0;
    $('returning').textContent = back ? 'Coming back to you: ' + back + (back === 1 ? ' request' : ' requests') + ' (a customer answered).' : '';
    $('refreshed').textContent = 'Updated ' + new Date().toLocaleTimeString();
  }

  function refreshMine() {
    return api('GET', '/v1/agent/requests').then(function (res) {
      var list = clear($('mine'));
      var items = res.data.items || [];
      if (!items.length) list.appendChild(el('li', null, [el('span', { className: 'sub', text: 'Nothing claimed, nothing waiting for a customer.' })]));
      items.forEach(function (r) {
        var sub = r.status === 'assigned' && r.leaseExpiresAt ? 'lease until ' + new Date(r.leaseExpiresAt).toLocaleTimeString()
          : r.status === 'queued' ? 'coming back to you: claim next' : (r.team || '');
        list.appendChild(el('li', { className: state.current && state.current.id === r.id ? 'current' : '' }, [
          el('div', null, [el('span', { className: 'subject', text: r.subject }), badge(r.status), ' ', el('span', { className: 'sub', text: sub })]),
          el('button', { type: 'button', 'aria-label': 'Open ' + r.subject, text: 'Open', onclick: function () { openMine(r); } }),
        ]));
      });
    });
  }

  function refresh(quiet) {
    if (!state.key) return Promise.resolve();
    return Promise.all([api('GET', '/v1/agent/me').then(function (res) { state.me = res.data; renderQueues(res.data); }), refreshMine()])
      .then(function () { if (!quiet) say('Queues refreshed.'); })
      .catch(function (err) { if (!quiet && state.key) warn('Could not refresh: ' + err.message); });
  }

  // ---- claims and leases -------------------------------------------------------------------
  function claimNext() {
    if (state.busy) return;
    if (holding() && !confirm('You hold a request: claiming another keeps renewing only the new one. Continue?')) return;
    setBusy(true);
    api('POST', '/v1/agent/claims').then(function (res) {
      if (res.status === 204) { say('Nothing waiting in your queues.'); return refresh(true); }
      openRequest(res.data.request, res.data.leaseExpiresAt);
      say('Claimed: ' + res.data.request.subject + '.');
      $('work-h').focus();
      return refresh(true);
    }).catch(function (err) { warn('Could not claim: ' + err.message); }).then(function () { setBusy(false); });
  }

  function openMine(item) {
    api('GET', '/v1/requests/' + encodeURIComponent(item.id)).then(function (res) {
      var r = res.data;
      var mine = r.status === 'assigned' && r.assignee === state.me.id;
      openRequest(r, mine ? item.leaseExpiresAt : null);
      if (mine) renew();
      $('work-h').focus();
    }).catch(function (err) { warn('Could not open the request: ' + err.message); });
  }

  function holding() { return !!(state.current && state.current.status === 'assigned' && state.me && state.current.assignee === state.me.id && state.leaseExpiresAt && !state.lapsed); }

  function startRenewing() {
    stopRenewing();
    // A third of the lease: two renewals may fail (a network blip) before the lease lapses.
    var lease = state.config.leaseMs || (Date.parse(state.leaseExpiresAt) - Date.now()) || 300000;
    var every = Math.max(500, Math.floor(lease / 3));
    state.renewTimer = setInterval(renew, every);
  }
  function stopRenewing() { clearInterval(state.renewTimer); state.renewTimer = null; }

  function renew() {
    var r = state.current;
    if (!r || !holding()) return;
    api('POST', '/v1/agent/claims/' + encodeURIComponent(r.id) + '/renew').then(function (res) {
      if (state.current !== r) return;
      state.leaseExpiresAt = res.data.leaseExpiresAt;
      renderLease();
    }).catch(function (err) {
      if (state.current !== r) return;
      if (err.status === 409 || err.status === 404) { leaseLapsed(err.message); return; }
      renderLease('Could not renew the lease (' + err.message + '); trying again.');
    });
  }

  function leaseLapsed(why) {
    stopRenewing();
    state.lapsed = true;
    renderLease();
    updateActions();
    warn('Lease lapsed: this request went back to its queue and may be with another agent now. Claim again to continue. (' + why + ')');
    refresh(true);
  }

  function renderLease(problem) {
    var box = clear($('lease'));
    if (state.lapsed) { box.appendChild(el('p', { className: 'lapsed', text: 'Lease lapsed — you no longer hold this request.' })); return; }
    if (!holding()) return;
    box.appendChild(el('p', null, [
      'You hold this request. Lease until ', el('strong', { text: new Date(state.leaseExpiresAt).toLocaleTimeString() }),
      ' (', countdown(state.leaseExpiresAt), '), renewed automatically while this page is open.',
      problem ? el('span', { className: 'overdue', text: ' ' + problem }) : null,
    ]));
    tick();
  }

  // ---- the request -------------------------------------------------------------------------
  function showNothing() {
    stopRenewing();
    state.current = null; state.leaseExpiresAt = null; state.lapsed = false;
    $('work-h').textContent = 'No request open';
    $('work-empty').hidden = false;
    $('request').hidden = true;
  }

  function openRequest(r, leaseExpiresAt) {
    stopRenewing();
    state.current = r;
    state.lapsed = false;
    state.leaseExpiresAt = leaseExpiresAt || null;
    $('reply-body').value = '';
    $('resolve-summary').value = '';
    render(r);
    if (holding()) startRenewing();
  }

  /** The request changed by an action of ours (reply, resolve, release). */
  function updated(r) {
    state.current = r;
    if (!(r.status === 'assigned' && r.assignee === state.me.id)) { stopRenewing(); state.leaseExpiresAt = null; }
    render(r);
  }

  function render(r) {
    $('work-h').textContent = r.subject || r.id;
    $('work-empty').hidden = true;
    $('request').hidden = false;
    var meta = clear($('req-meta'));
    meta.appendChild(badge(r.status));
    meta.appendChild(document.createTextNode(' ' + r.id + ' · received ' + fmtTime(r.receivedAt) + ' · ' + r.channel));
    renderLease();

    var v = r.rulesVersion;
    var e = r.eligibility, c = r.classification, o = r.outcome;
    var details = clear($('details'));
    details.appendChild(el('div', { className: 'grid' }, [
      card('Request', [dl([
        row('Status', badge(r.status)),
        row('Segment', r.segment),
        row('Customer', r.customer.id + (r.companyId ? ' (company ' + r.companyId + ')' : '')),
        row('Country · language', r.country + ' · ' + (r.language || '—')),
        row('Product', r.product.code + ' ' + r.product.version),
        row('Team', r.team),
        row('Priority', r.priority === null || r.priority === undefined ? null : String(r.priority)),
        row('Assignee', r.assignee),
        row('Rules version', v),
      ])]),
      card('Eligibility', e ? [dl([
        row('Decision', el('strong', { text: e.decision })),
        row('Clauses', clauseList(v, e.clauses)),
        row('Reason', e.reason),
      ])] : [el('p', { className: 'hint', text: 'Not decided yet.' })]),
      card('Classification', c ? [dl([
        row('Clause', c.clause ? clauseList(v, [c.clause]) : 'none (human triage)'),
        row('Scope', c.scope),
        row('Confidence', Math.round((c.confidence || 0) * 100) + '%'),
        row('Caveats (4.4)', c.caveats && c.caveats.length ? clauseList(v, c.caveats, 'caveats') : 'none'),
      ])] : [el('p', { className: 'hint', text: 'Not classified yet.' })]),
      renderSla(r.sla),
    ]));
    if (o) {
      details.appendChild(card('Outcome', [dl([
        row('Kind', o.kind),
        row('Clauses', clauseList(v, o.clauses)),
        row('Offer', o.offer ? (o.offer.title || o.offer.id || JSON.stringify(o.offer)) : null),
      ]), o.message ? el('p', { className: 'quote', text: o.message }) : null]));
    }
    details.appendChild(el('h3', { text: 'The customer wrote' }));
    details.appendChild(el('p', { className: 'quote', text: r.description }));
    details.appendChild(el('h3', { text: 'Timeline' }));
    var tl = el('ol', { className: 'timeline' });
    (r.timeline || []).forEach(function (t) { tl.appendChild(timelineItem(t, v)); });
    if (!r.timeline || !r.timeline.length) tl.appendChild(el('li', { className: 'hint', text: 'No timeline in this view.' }));
    details.appendChild(tl);
    updateActions();
    tick();
  }

  function renderSla(sla) {
    if (!sla) return card('Response times (SLA)', [el('p', { className: 'hint', text: 'No response-time clock: response times are promised only as part of a paid service (rule [sla]).' })]);
    var breaches = Array.isArray(sla.breaches) ? sla.breaches : [];
    return card('Response times (SLA)', [dl([
      row('Plan', sla.plan ? String(sla.plan) : null),
      row('First response due', sla.firstResponseDueAt ? el('span', null, [countdown(sla.firstResponseDueAt), el('br'), el('span', { className: 'hint', text: fmtTime(sla.firstResponseDueAt) })]) : null),
      row('Resolution due', sla.resolutionDueAt ? el('span', null, [countdown(sla.resolutionDueAt), el('br'), el('span', { className: 'hint', text: fmtTime(sla.resolutionDueAt) })]) : null),
      row('Clock', sla.paused ? 'paused (waiting for the customer)' : 'running'),
      row('Breaches', breaches.length ? el('ul', { className: 'clauses' }, breaches.map(function (b) {
        return el('li', { className: 'overdue', text: typeof b === 'string' ? b : [b.kind || b.target || '', b.at ? fmtTime(b.at) : ''].join(' ').trim() || JSON.stringify(b) });
      })) : 'none'),
    ])]);
  }

  function timelineItem(t, version) {
    var d = t.detail || {};
    var cls = t.event === 'request.replied' ? 't-reply' : (/customer|reopened/.test(t.event) ? 't-customer' : '');
    var facts = [];
    Object.keys(d).forEach(function (k) {
      if (TEXT_FIELDS.indexOf(k) >= 0 || HIDDEN_FIELDS.indexOf(k) >= 0 || k === 'clauses') return;
      var val = d[k];
      if (val === null || val === undefined || val === '' || (Array.isArray(val) && !val.length)) return;
      if (k === 'kind' && KINDS[val]) { facts.push(KINDS[val]); return; }
      if (k === 'ranking' && Array.isArray(val)) {
        facts.push('ranking: ' + val.slice(0, 3).map(function (x) { return x && x.clause ? x.clause + ' ' + (Math.round(x.score * 10) / 10) : JSON.stringify(x); }).join(', '));
        return;
      }
      if (k === 'confidence' && typeof val === 'number') { facts.push('confidence: ' + Math.round(val * 100) + '%'); return; }
      if (Array.isArray(val)) val = val.map(function (x) { return typeof x === 'object' ? JSON.stringify(x) : String(x); }).join(', ');
      else if (typeof val === 'object') val = JSON.stringify(val);
      else if (/At$/.test(k) && typeof val === 'string') val = fmtTime(val);
      facts.push(k + ': ' + val);
    });
    var item = el('li', { className: cls }, [
      el('time', { className: 'when', datetime: t.at, text: fmtTime(t.at) }), ' ',
      el('span', { className: 'what', text: EVENTS[t.event] || t.event }), ' ',
      el('span', { className: 'detail', text: '(' + t.stage + ')' }),
      facts.length ? el('div', { className: 'detail', text: facts.join(' · ') }) : null,
      Array.isArray(d.clauses) && d.clauses.length ? el('div', { className: 'detail' }, ['clauses ', d.clauses.map(function (id) { return id + (clauseTitle(version, id) ? ' (' + clauseTitle(version, id) + ')' : ''); }).join(', ')]) : null,
    ]);
    TEXT_FIELDS.forEach(function (k) { if (typeof d[k] === 'string' && d[k]) item.appendChild(el('p', { className: 'quote', text: d[k] })); });
    return item;
  }

  function updateActions() {
    var r = state.current;
    var holds = holding();
    var mineWaiting = !!(r && r.status === 'awaiting-customer' && state.me && r.assignee === state.me.id);
    document.querySelectorAll('#reply-form button, #release, #reply-body').forEach(function (b) { b.disabled = !holds || state.busy; });
    document.querySelectorAll('#resolve-form button[type=submit], #resolve-summary').forEach(function (b) { b.disabled = !(holds || mineWaiting) || state.busy; });
    var note = '';
    if (!r) note = '';
    else if (state.lapsed) note = 'The lease lapsed: claim the request again to work on it.';
    else if (mineWaiting) note = 'Waiting for the customer: you can still resolve it; their answer brings it back to you.';
    else if (!holds) note = 'View only: this request is ' + r.status + (r.assignee ? ' (' + r.assignee + ')' : '') + '. Claim it to work on it.';
    $('act-note').textContent = note;
  }

  function setBusy(b) { state.busy = b; $('claim').disabled = b; updateActions(); }

  function act(path, body, done, what) {
    var r = state.current;
    if (!r || state.busy) return;
    setBusy(true);
    api('POST', '/v1/requests/' + encodeURIComponent(r.id) + path, body).then(function (res) {
      updated(res.data);
      done();
      say(what + ' Status: ' + res.data.status + '.');
      return refresh(true);
    }).catch(function (err) {
      if (err.status === 409 && /lease/i.test(err.message)) leaseLapsed(err.message);
      else warn(what.replace(/\.$/, '') + ' failed: ' + err.message);
    }).then(function () { setBusy(false); });
  }

  // ---- wiring ------------------------------------------------------------------------------
  document.addEventListener('DOMContentLoaded', function () {
    $('signin-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      var key = $('agent-key').value.trim();
      if (!key) { warn('Enter your agent key.'); $('agent-key').focus(); return; }
      signIn(key);
    });
    $('sign-out').addEventListener('click', function () { signOut(); });
    $('claim').addEventListener('click', claimNext);
    $('refresh').addEventListener('click', function () { refresh(false); });
    $('reply-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      var kind = (ev.submitter && ev.submitter.value) || 'answer';
      var text = $('reply-body').value;
      if (!text.trim()) { warn('Write the message first.'); $('reply-body').focus(); return; }
      var wait = kind !== 'answer';
      act('/replies', { body: text, waitForCustomer: wait, kind: kind }, function () { $('reply-body').value = ''; },
        wait ? (kind === 'diagnostic-utility' ? 'Asked the customer to run a diagnostic utility.' : 'Asked the customer for information.') : 'Reply sent.');
    });
    $('resolve-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      var text = $('resolve-summary').value;
      if (!text.trim()) { warn('Write a resolution summary first.'); $('resolve-summary').focus(); return; }
      act('/resolve', { summary: text }, function () { $('resolve-summary').value = ''; }, 'Resolved.');
    });
    $('release').addEventListener('click', function () { act('/release', undefined, function () {}, 'Released to the team queue.'); });
    var saved = sessionStorage.getItem(STORE);
    loadConfig().then(function () { if (saved) signIn(saved, true); });
    if (!saved) $('agent-key').focus();
  });
})();
`;
