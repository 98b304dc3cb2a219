/*
 * The agent desk (/agent). Plain JavaScript with no dependencies. The staff token lives in sessionStorage only;
 * every text from the server is put into the page with textContent, never parsed as HTML.
 */
(function () {
  'use strict';

  var QUEUE_REFRESH_MS = 3000;
  var TRANSCRIPT_REFRESH_MS = 1500;

  var CHANNELS = { api: '网页', wechat: '微信', botframework: 'Bot Framework', cli: '命令行' };
  var REASONS = {
    user_request: '用户要求转人工', repeated_refusal: '机器人连续未能解答', invalid_values: '多次填写有误', distress: '安全或情绪危机'
  };
  var STATES = { waiting: '等待接入', active: '处理中', closed: '已结束' };
  var SPEAKERS = { user: '用户', bot: '智能助手', system: '系统' };
  var TASK_NAMES = {
    fund_withdrawal: '住房公积金提取', injury_report: '新就业形态职业伤害保障申报', wage_complaint: '欠薪投诉',
    insurance_transfer: '社保关系转移接续', hotline_appeal: '12345诉求登记', station_finder: '附近驿站/服务站查询',
    ticket_status: '办件进度查询', foreign_enterprise_registration: '外商投资企业设立登记预约'
  };
  // The slots of each task an agent may fill in for the user, in the order the form asks for them.
  var TASK_SLOTS = {
    fund_withdrawal: ['id_number', 'reason', 'amount', 'bank_card'],
    injury_report: ['id_number', 'platform', 'accident_time', 'accident_place', 'injury', 'phone'],
    wage_complaint: ['id_number', 'employer', 'amount', 'period', 'phone'],
    insurance_transfer: ['id_number', 'from_city', 'to_city', 'insurance_type'],
    hotline_appeal: ['description', 'location', 'phone'],
    station_finder: ['city', 'district'],
    ticket_status: ['ticket'],
    foreign_enterprise_registration: ['passport', 'company_name', 'business_scope', 'registered_capital', 'appointment_date', 'phone']
  };
  var TASK_STATES = { collecting: '填写中', confirming: '待确认', submitted: '已提交', cancelled: '已取消', failed: '未办成' };
  var SLOT_NAMES = {
    id_number: '身份证号码', reason: '提取原因', amount: '金额', bank_card: '银行卡号', platform: '平台',
    accident_time: '受伤时间', accident_place: '事故地点', injury: '伤情', phone: '手机号码', employer: '用人单位',
    period: '欠薪时间段', from_city: '转出城市', to_city: '转入城市', insurance_type: '险种', description: '诉求内容',
    location: '诉求地点', city: '城市', district: '区县', ticket: '办件编号', passport: '护照号码', company_name: '企业名称',
    business_scope: '经营范围', registered_capital: '注册资本', appointment_date: '预约日期'
  };

  var el = StaffSignIn.el, clear = StaffSignIn.clear;

  function $(id) { return document.getElementById(id); }

  var desk = {
    me: null,
    selected: null,      // conversation id
    conversation: null,  // its latest queue entry
    lastLine: 0,
    lastUserLine: 0,
    citations: [],
    queueTimer: null,
    transcriptTimer: null
  };

  // ---- sign-in and HTTP (staff-signin.js) ----

  var session = StaffSignIn.start({
    tokenKey: 'servicebot.agent.token', meUrl: '/api/agent/me', panel: 'desk',
    onSignedIn: function (me) {
      desk.me = me;
      refreshQueue();
      desk.queueTimer = setInterval(refreshQueue, QUEUE_REFRESH_MS);
    },
    onSignedOut: function () {
      desk.me = null;
      clearInterval(desk.queueTimer);
      clearInterval(desk.transcriptTimer);
      desk.selected = null;
    }
  });

  function api(method, path, body) { return session.api(method, path, body); }

  // ---- queue ----

  function waited(since) {
    var seconds = Math.max(0, Math.round((Date.now() - new Date(since).getTime()) / 1000));
    if (seconds < 60) return '已等待 ' + seconds + ' 秒';
    if (seconds < 3600) return '已等待 ' + Math.floor(seconds / 60) + ' 分钟';
    return '已等待 ' + Math.floor(seconds / 3600) + ' 小时';
  }

  async function refreshQueue() {
    var items;
    try { items = await api('GET', '/api/agent/conversations'); } catch (e) {
      if (e.status !== 401) $('queue-status').textContent = '队列刷新失败：' + e.message;
      return;
    }
    $('queue-status').textContent = items.length ? '' : '暂无转人工的会话';
    $('queue-count').textContent = '（' + items.length + '）';
    var list = $('queue-list');
    var focused = document.activeElement && document.activeElement.getAttribute('data-id');
    clear(list);
    items.forEach(function (item) {
      var state = item.state === 'active' ? STATES.active + ' · ' + item.agent : STATES[item.state];
      var button = el('button', {
        type: 'button', className: 'queue-item' + (item.reason === 'distress' ? ' distress' : ''), 'data-id': item.conversationId,
        'aria-current': item.conversationId === desk.selected ? 'true' : 'false'
      }, [
        el('span', { className: 'queue-line' }, [
          el('span', { className: 'queue-channel', text: CHANNELS[item.channel] || item.channel }),
          el('span', { className: 'badge ' + item.state, text: state })
        ]),
        el('span', { className: 'queue-reason', text: REASONS[item.reason] || item.reason }),
        el('span', { className: 'queue-summary', text: item.summary || '（暂无摘要）' }),
        el('span', { className: 'queue-line' }, [el('span', { className: 'queue-waited', text: waited(item.waitingSince) })])
      ]);
      button.addEventListener('click', function () { select(item.conversationId); });
      list.appendChild(el('li', {}, [button]));
      if (item.conversationId === desk.selected) showConversation(item);
    });
    if (focused) {
      var again = list.querySelector('[data-id="' + CSS.escape(focused) + '"]');
      if (again) again.focus();
    }
  }

  // ---- one conversation ----

  async function select(id) {
    desk.selected = id;
    desk.lastLine = 0;
    desk.lastUserLine = 0;
    desk.citations = [];
    clear($('transcript'));
    clear($('suggestions'));
    clearFlags();
    $('action-status').textContent = '';
    $('action-status').className = 'status';
    $('reply').value = '';
    renderCited();
    $('conversation').hidden = false;
    Array.prototype.forEach.call(document.querySelectorAll('.queue-item'), function (b) {
      b.setAttribute('aria-current', b.getAttribute('data-id') === id ? 'true' : 'false');
    });
    clearInterval(desk.transcriptTimer);
    await refreshConversation();
    desk.transcriptTimer = setInterval(refreshConversation, TRANSCRIPT_REFRESH_MS);
  }

  async function refreshConversation() {
    var id = desk.selected;
    if (!id) return;
    var detail;
    try { detail = await api('GET', '/api/agent/conversations/' + encodeURIComponent(id) + '?after=' + desk.lastLine); } catch (e) { return; }
    if (id !== desk.selected) return;
    showConversation(detail.conversation);
    var newUserLine = false;
    detail.transcript.forEach(function (line) {
      // Two refreshes in flight (the timer's and one after a send) both fetch the lines after the same one: show each once.
      if (line.id <= desk.lastLine) return;
      desk.lastLine = line.id;
      if (line.speaker === 'user') { desk.lastUserLine = line.id; newUserLine = true; }
      appendLine(line);
    });
    if (newUserLine && detail.conversation.state !== 'closed') loadSuggestions();
  }

  function showConversation(item) {
    desk.conversation = item;
    $('conversation-title').textContent = (CHANNELS[item.channel] || item.channel) + '会话 · ' + (REASONS[item.reason] || item.reason);
    $('conversation-meta').textContent = STATES[item.state] + (item.agent ? ' · 坐席 ' + item.agent : '') +
      (item.outcome ? ' · 结果：' + item.outcome : '') + ' · ' + waited(item.waitingSince);
    $('summary').textContent = item.summary || '（暂无摘要）';
    renderTask(item.task);
    var mine = item.state === 'active' && desk.me && item.agent === desk.me.name;
    var supervisor = desk.me && (desk.me.role === 'supervisor' || desk.me.role === 'admin');
    $('take-over').disabled = item.state === 'closed' || mine;
    $('release').disabled = item.state === 'closed' || !(mine || supervisor);
    $('close').disabled = item.state === 'closed' || !(mine || supervisor);
    $('send').disabled = !mine;
    $('send-anyway').disabled = !mine;
    $('prefill-submit').disabled = !mine;
  }

  function renderPrefillSlots() {
    var box = $('prefill-slots');
    clear(box);
    (TASK_SLOTS[$('prefill-task').value] || []).forEach(function (id) {
      box.appendChild(el('label', { 'for': 'prefill-' + id, text: SLOT_NAMES[id] || id }));
      box.appendChild(el('input', { id: 'prefill-' + id, 'data-slot': id, type: 'text', maxlength: '500', autocomplete: 'off' }));
    });
  }

  async function prefill() {
    var slots = {};
    Array.prototype.forEach.call($('prefill-slots').querySelectorAll('input'), function (input) {
      if (input.value.trim()) slots[input.getAttribute('data-slot')] = input.value.trim();
    });
    try {
      var result = await api('POST', '/api/agent/conversations/' + encodeURIComponent(desk.selected) + '/task',
        { name: $('prefill-task').value, slots: slots });
      renderTask(result.task);
      var refused = Object.keys(result.refused || {}).map(function (id) { return (SLOT_NAMES[id] || id) + '：' + result.refused[id]; });
      report('已填入并提示用户，提交前由用户确认。' + (refused.length ? '未填入 ' + refused.join('；') : ''), refused.length > 0);
      Array.prototype.forEach.call($('prefill-slots').querySelectorAll('input'), function (input) { input.value = ''; });
      refreshConversation();
    } catch (e) {
      if (e.status !== 401) report(e.message, true);
    }
  }

  function renderTask(task) {
    var card = $('task-card');
    clear(card);
    if (!task) { card.appendChild(el('p', { className: 'hint', text: '当前没有办理中的事项' })); return; }
    card.appendChild(el('p', {}, [el('strong', { text: TASK_NAMES[task.name] || task.name }), ' ',
      el('span', { className: 'badge', text: TASK_STATES[task.state] || task.state })]));
    var list = el('dl');
    Object.keys(task.slots || {}).forEach(function (id) {
      list.appendChild(el('dt', { text: SLOT_NAMES[id] || id }));
      list.appendChild(el('dd', { text: String(task.slots[id]) }));
    });
    if (list.firstChild) card.appendChild(list);
    if (task.missing && task.missing.length) {
      card.appendChild(el('p', { className: 'hint', text: '还缺：' + task.missing.map(function (id) { return SLOT_NAMES[id] || id; }).join('、') }));
    }
    if (task.ticket) card.appendChild(el('p', { text: '办件编号：' + task.ticket }));
  }

  function appendLine(line) {
    var who = line.speaker === 'agent' ? '坐席 ' + (line.agent || '') : (SPEAKERS[line.speaker] || line.speaker);
    var time = new Date(line.at).toLocaleTimeString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' });
    var transcript = $('transcript');
    transcript.appendChild(el('li', { className: 'line ' + line.speaker, 'data-line': String(line.id) }, [
      el('div', { className: 'who-said', text: who + ' ' + time }),
      el('div', { className: 'said', text: line.speaker === 'bot' || line.speaker === 'system' ? unescapeMarkdown(line.text) : line.text })
    ]));
    transcript.scrollTop = transcript.scrollHeight;
  }

  /** Bot and system lines are Markdown that escapes masked stars and typed links with backslashes; show the characters. */
  function unescapeMarkdown(text) { return String(text || '').replace(/\\([!-\/:-@\[-`{-~])/g, '$1'); }

  async function loadSuggestions() {
    var id = desk.selected, list = $('suggestions');
    var replies;
    try { replies = await api('GET', '/api/agent/conversations/' + encodeURIComponent(id) + '/suggestions'); } catch (e) { return; }
    if (id !== desk.selected) return;
    clear(list);
    replies.forEach(function (reply) {
      var sources = (reply.citations || []).map(function (c) { return '《' + String(c.source).replace(/^《|》$/g, '') + '》' + (c.section || ''); });
      var button = el('button', { type: 'button', className: 'suggestion' }, [reply.text, sources.length ? el('small', { text: '依据：' + sources.join('；') }) : null]);
      button.addEventListener('click', function () {
        $('reply').value = reply.text;
        desk.citations = reply.citations || [];
        renderCited();
        clearFlags();
        $('reply').focus();
      });
      list.appendChild(el('li', {}, [button]));
    });
    if (!replies.length) list.appendChild(el('li', { className: 'hint', text: '暂无建议回复' }));
  }

  function renderCited() {
    var cited = $('cited');
    cited.textContent = desk.citations.length
      ? '引用：' + desk.citations.map(function (c) { return '《' + String(c.source).replace(/^《|》$/g, '') + '》' + (c.section || ''); }).join('；')
      : '';
  }

  function clearFlags() {
    clear($('flags'));
    $('send-anyway').hidden = true;
  }

  function showFlags(flags) {
    var box = $('flags');
    clear(box);
    box.appendChild(el('strong', { text: '发送前请核对：' }));
    var list = el('ul');
    flags.forEach(function (f) { list.appendChild(el('li', { text: f.message + (f.excerpt ? '（' + f.excerpt + '）' : '') })); });
    box.appendChild(list);
    $('send-anyway').hidden = false;
  }

  // ---- actions ----

  function report(text, refused) {
    var status = $('action-status');
    status.textContent = text;
    status.className = 'status' + (refused ? ' refused' : '');
  }

  async function act(action, body, done) {
    try {
      var item = await api('POST', '/api/agent/conversations/' + encodeURIComponent(desk.selected) + '/' + action, body);
      showConversation(item);
      report(done, false);
      refreshQueue();
      refreshConversation();
    } catch (e) {
      if (e.status !== 401) report(e.message, true);
    }
  }

  async function send(override) {
    var text = $('reply').value.trim();
    if (!text) { report('请输入回复内容。', true); $('reply').focus(); return; }
    var path = '/api/agent/conversations/' + encodeURIComponent(desk.selected);
    try {
      if (!override) {
        var check = await api('POST', path + '/draft-check', { text: text, citations: desk.citations });
        if (check.flags.length) { showFlags(check.flags); return; }
      }
      var sent = await api('POST', path + '/messages', { text: text, citations: desk.citations, override: override === true });
      $('reply').value = '';
      desk.citations = [];
      renderCited();
      clearFlags();
      report(sent.delivered ? '已发送' : (sent.problem || '已记录，未能送达'), !sent.delivered);
      refreshConversation();
    } catch (e) {
      if (e.status !== 401) report(e.message, true);
    }
  }

  $('take-over').addEventListener('click', function () { act('takeover', null, '已接管，可以回复用户了。'); });
  $('release').addEventListener('click', function () { act('release', null, '已交还智能助手。'); });
  $('close').addEventListener('click', function () {
    var outcome = $('outcome').value.trim();
    if (!outcome) { report('请先填写处理结果。', true); $('outcome').focus(); return; }
    act('close', { outcome: outcome }, '会话已结束。');
  });
  Object.keys(TASK_SLOTS).forEach(function (name) {
    $('prefill-task').appendChild(el('option', { value: name, text: TASK_NAMES[name] }));
  });
  $('prefill-task').addEventListener('change', renderPrefillSlots);
  renderPrefillSlots();
  $('prefill-form').addEventListener('submit', function (e) { e.preventDefault(); prefill(); });
  $('reply-form').addEventListener('submit', function (e) { e.preventDefault(); send(false); });
  $('send-anyway').addEventListener('click', function () { send(true); });
  $('reply').addEventListener('input', clearFlags);
  $('reply').addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); send(false); }
  });

})();
