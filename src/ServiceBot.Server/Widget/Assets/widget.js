/*
 * ServiceBot web widget. One tag adds it to any page:
 *   <script src="https://host/widget/widget.js" data-servicebot-url="https://host" defer></script>
 * Plain JavaScript with no dependencies. Every piece of text from the user or the server is put into
 * the page with textContent or createTextNode; the Markdown renderer builds elements itself and never
 * parses HTML, so markup inside an answer shows as text.
 */
(function () {
  'use strict';
  if (window.ServiceBotWidget) return;

  var script = document.currentScript || document.querySelector('script[data-servicebot-url]');
  var scriptUrl = script && script.src ? script.src : location.href;
  var baseUrl = new URL((script && script.getAttribute('data-servicebot-url')) || '/', scriptUrl).href.replace(/\/?$/, '/');
  function endpoint(path) { return new URL(path, baseUrl).href; }

  var STORE_KEY = 'servicebot.widget.v1';
  var MAX_HISTORY = 50;
  // A 没帮助 comment is a short note for the review queue, well under the feedback API's own limit.
  var MAX_COMMENT = 200;
  var commentForms = 0;
  var REQUEST_TIMEOUT_MS = 60000;

  var TASK_NAMES = {
    fund_withdrawal: '住房公积金提取', injury_report: '新就业形态职业伤害保障申报', wage_complaint: '欠薪投诉',
    insurance_transfer: '社保关系转移接续', hotline_appeal: '12345诉求登记', station_finder: '附近驿站/服务站查询',
    ticket_status: '办件进度查询', foreign_enterprise_registration: '外商投资企业设立登记预约'
  };
  var SLOT_NAMES = {
    id_number: '身份证号码', reason: '提取原因', amount: '金额', bank_card: '银行卡号', platform: '平台',
    accident_time: '受伤时间', accident_place: '事故地点', injury: '伤情', phone: '手机号码', employer: '用人单位',
    period: '欠薪时间段', from_city: '转出城市', to_city: '转入城市', insurance_type: '险种', description: '诉求内容',
    location: '诉求地点', city: '城市', district: '区县', ticket: '办件编号', passport: '护照号码', company_name: '企业名称',
    business_scope: '经营范围', registered_capital: '注册资本', appointment_date: '预约日期'
  };
  var REASONS = { rent: '租房', purchase: '购房', resignation: '离职', retirement: '退休', medical: '医疗' };
  var STATES = { collecting: '填写中', confirming: '待确认', submitted: '已提交', cancelled: '已取消', failed: '未办成' };
  var STARTERS = ['新就业形态人员职业伤害保障怎么申请？', '我要提取公积金', '附近的新就业群体服务站'];
  var DEFAULT_NAME = '政务小助手';
  var DEFAULT_WELCOME = '您好！我是' + DEFAULT_NAME + '，可以解答新就业群体权益保障、社保、公积金等政策问题，也可以在对话中帮您办理公积金提取、职业伤害申报等事项。';

  // ---- identifiers and local state ----

  function uuid() {
    if (window.crypto && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
    // randomUUID needs a secure context; embedding pages on plain http still get random v4 ids.
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  function loadState() {
    var s = null;
    try { s = JSON.parse(localStorage.getItem(STORE_KEY) || 'null'); } catch (e) { s = null; }
    if (!s || typeof s !== 'object') s = {};
    return {
      userId: typeof s.userId === 'string' && s.userId ? s.userId : 'v-' + uuid(),
      conversationId: typeof s.conversationId === 'string' ? s.conversationId : null,
      // Issued by the server on the first turn; later turns of this visitor must carry it.
      userToken: typeof s.userToken === 'string' && s.userToken ? s.userToken : null,
      history: Array.isArray(s.history) ? s.history.slice(-MAX_HISTORY) : [],
      suggestions: Array.isArray(s.suggestions) ? s.suggestions : null,
      task: s.task && typeof s.task === 'object' ? s.task : null,
      open: s.open === true,
      // After a handoff the widget listens for the agent's messages, from the last one it has shown.
      live: s.live === true,
      lastEventId: typeof s.lastEventId === 'number' ? s.lastEventId : 0,
      // The door plate (数字政务门牌) the page was opened from; the server keeps the conversation there.
      place: typeof s.place === 'string' && PLACE_CODE.test(s.place) ? s.place : null
    };
  }

  var PLACE_CODE = /^[A-Za-z0-9-]{1,40}$/;

  /** ?place=CODE on the page's address (a door plate's QR code), or data-place on the script tag. */
  function placeFromPage() {
    var code = null;
    try { code = new URLSearchParams(location.search).get('place'); } catch (e) { code = null; }
    if (!code && script) code = script.getAttribute('data-place');
    code = (code || '').trim();
    return PLACE_CODE.test(code) ? code : null;
  }

  var state = loadState();
  var pagePlace = placeFromPage();
  var arrivedAt = pagePlace && pagePlace.toUpperCase() !== (state.place || '').toUpperCase() ? pagePlace : null;
  if (pagePlace) state.place = pagePlace;
  // What the server says on arrival (assistant name, greeting naming the place); the built-in text until it answers.
  var welcome = { assistant: DEFAULT_NAME, welcome: DEFAULT_WELCOME, suggestions: [] };
  function saveState() {
    state.history = state.history.slice(-MAX_HISTORY);
    try { localStorage.setItem(STORE_KEY, JSON.stringify(state)); } catch (e) { /* storage full or blocked: the chat still works */ }
  }
  saveState();

  // ---- small DOM helpers ----

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      if (k === 'text') node.textContent = attrs[k];
      else if (k === 'className') node.className = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  // ---- safe Markdown: paragraphs, line breaks, **bold**, lists, > quotes, `code`, http(s) links, \-escapes ----

  // A backslash before punctuation is the server's way of saying "this character is text" (masked numbers, typed links).
  var INLINE = /\\([!-\/:-@\[-`{-~])|\*\*([^*\n]+?)\*\*|`([^`\n]+)`|\[([^\]\n]+)\]\(([^)\s]+)\)/;

  function renderInline(text, parent) {
    // A regex of its own per call: bold content recurses, and a shared global regex would lose its place.
    var pattern = new RegExp(INLINE.source, 'g'), last = 0, m;
    while ((m = pattern.exec(text)) !== null) {
      if (m.index > last) parent.appendChild(document.createTextNode(text.slice(last, m.index)));
      if (m[1] !== undefined) {
        parent.appendChild(document.createTextNode(m[1]));
      } else if (m[2] !== undefined) {
        var strong = el('strong');
        renderInline(m[2], strong);
        parent.appendChild(strong);
      } else if (m[3] !== undefined) {
        parent.appendChild(el('code', { text: m[3] }));
      } else {
        parent.appendChild(link(m[4], m[5]) || document.createTextNode(m[0]));
      }
      last = pattern.lastIndex;
    }
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function link(label, href) {
    var url;
    try { url = new URL(href); } catch (e) { return null; }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return el('a', { href: url.href, target: '_blank', rel: 'noopener noreferrer nofollow', text: label });
  }

  function renderLines(lines, parent) {
    lines.forEach(function (line, i) {
      if (i > 0) parent.appendChild(el('br'));
      renderInline(line, parent);
    });
  }

  var BULLET = /^\s*[-*+]\s+(.*)$/;
  var NUMBER = /^\s*(\d{1,9})[.)]\s+(.*)$/;
  var QUOTE = /^\s*>\s?(.*)$/;
  var HEADING = /^\s{0,3}#{1,6}\s+(.*)$/;
  function startsBlock(line) { return BULLET.test(line) || NUMBER.test(line) || QUOTE.test(line) || HEADING.test(line); }

  function renderMarkdown(markdown, parent) {
    var lines = String(markdown || '').replace(/\r\n?/g, '\n').split('\n');
    var i = 0;
    while (i < lines.length) {
      var line = lines[i], m;
      if (!line.trim()) { i++; continue; }
      if (QUOTE.test(line)) {
        var quoted = [];
        while (i < lines.length && (m = QUOTE.exec(lines[i]))) { quoted.push(m[1]); i++; }
        var quote = el('blockquote');
        renderMarkdown(quoted.join('\n'), quote);
        parent.appendChild(quote);
      } else if (BULLET.test(line) || NUMBER.test(line)) {
        var ordered = !BULLET.test(line), pattern = ordered ? NUMBER : BULLET;
        var list = el(ordered ? 'ol' : 'ul');
        if (ordered && +NUMBER.exec(line)[1] !== 1) list.setAttribute('start', String(+NUMBER.exec(line)[1]));
        while (i < lines.length && (m = pattern.exec(lines[i]))) {
          var item = [ordered ? m[2] : m[1]];
          i++;
          // Indented lines that follow belong to the same item.
          while (i < lines.length && /^\s+\S/.test(lines[i]) && !startsBlock(lines[i])) { item.push(lines[i].trim()); i++; }
          var li = el('li');
          renderLines(item, li);
          list.appendChild(li);
        }
        parent.appendChild(list);
      } else if ((m = HEADING.exec(line))) {
        var heading = el('p', { className: 'sbw-heading' });
        var strong = el('strong');
        renderInline(m[1], strong);
        heading.appendChild(strong);
        parent.appendChild(heading);
        i++;
      } else {
        var para = [];
        while (i < lines.length && lines[i].trim() && (para.length === 0 || !startsBlock(lines[i]))) { para.push(lines[i]); i++; }
        var p = el('p');
        renderLines(para, p);
        parent.appendChild(p);
      }
    }
  }

  // ---- styles and skeleton ----

  /** A speech-bubble icon drawn as SVG: emoji need a colour font that many machines lack. */
  function chatIcon() {
    var ns = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('width', '20');
    svg.setAttribute('height', '20');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('class', 'sbw-launcher-icon');
    var path = document.createElementNS(ns, 'path');
    path.setAttribute('d', 'M4 3h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H10l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z');
    path.setAttribute('fill', 'currentColor');
    svg.appendChild(path);
    return svg;
  }

  if (!document.querySelector('link[data-servicebot-css]')) {
    document.head.appendChild(el('link', { rel: 'stylesheet', href: endpoint('widget/widget.css'), 'data-servicebot-css': '' }));
  }

  var root = el('div', { className: 'sbw-root', 'data-servicebot': '' });
  var launcher = el('button', {
    type: 'button', className: 'sbw-launcher', 'aria-controls': 'sbw-panel', 'aria-expanded': 'false', 'aria-label': '打开智能客服'
  }, [chatIcon(), el('span', { text: '在线咨询' })]);

  var title = el('h2', { id: 'sbw-title', className: 'sbw-title', text: DEFAULT_NAME });
  var newButton = el('button', { type: 'button', className: 'sbw-header-button sbw-new', text: '新对话', 'aria-label': '开始新对话' });
  var closeButton = el('button', { type: 'button', className: 'sbw-header-button sbw-close', 'aria-label': '关闭对话窗口' }, [
    el('span', { 'aria-hidden': 'true', text: '×' })
  ]);
  var log = el('div', {
    className: 'sbw-log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', 'aria-label': '对话记录', tabindex: '0'
  });
  var taskArea = el('section', { className: 'sbw-task', 'aria-label': '当前办理事项', 'aria-live': 'polite', hidden: '' });
  var suggestionArea = el('div', { className: 'sbw-suggestions', role: 'group', 'aria-label': '快捷回复' });
  var input = el('textarea', {
    id: 'sbw-input', className: 'sbw-input', rows: '1', maxlength: '1000', placeholder: '请输入您的问题，按回车发送',
    'aria-label': '输入您的问题'
  });
  var sendButton = el('button', { type: 'submit', className: 'sbw-send', text: '发送' });
  var form = el('form', { className: 'sbw-form' }, [input, sendButton]);
  var panel = el('div', {
    id: 'sbw-panel', className: 'sbw-panel', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'sbw-title', hidden: ''
  }, [
    el('div', { className: 'sbw-header' }, [title, el('div', { className: 'sbw-header-actions' }, [newButton, closeButton])]),
    log, taskArea, suggestionArea, form,
    el('p', { className: 'sbw-footnote', text: '回答由智能助手根据政策原文生成，仅供参考；办理结果以主管部门答复为准。' })
  ]);
  root.appendChild(panel);
  root.appendChild(launcher);

  // ---- rendering ----

  function renderUser(entry) {
    return el('div', { className: 'sbw-msg sbw-msg-user' }, [
      el('span', { className: 'sbw-visually-hidden', text: '我：' }),
      el('div', { className: 'sbw-bubble', text: entry.text })
    ]);
  }

  function renderError(entry) {
    return el('div', { className: 'sbw-msg sbw-msg-error', role: 'alert' }, [el('div', { className: 'sbw-bubble', text: entry.text })]);
  }

  function renderBot(entry) {
    var body = el('div', { className: 'sbw-body' });
    renderMarkdown(entry.markdown, body);
    var bubble = el('div', { className: 'sbw-bubble' }, [body]);
    if (entry.task && entry.task.state === 'submitted' && entry.task.ticket) {
      bubble.appendChild(el('p', { className: 'sbw-ticket-chip' }, ['办件编号：', el('strong', { text: entry.task.ticket })]));
    }
    if (entry.citations && entry.citations.length) bubble.appendChild(renderCitations(entry.citations));
    // Only answers are rated, cited or refused: a form prompt, a confirmation or a validation message is neither.
    if (entry.replyTo && ((entry.citations && entry.citations.length) || entry.refused)) bubble.appendChild(renderRating(entry));
    return el('div', { className: 'sbw-msg sbw-msg-bot' }, [el('span', { className: 'sbw-visually-hidden', text: '助手：' }), bubble]);
  }

  function renderCitations(citations) {
    var box = el('div', { className: 'sbw-citations' }, [el('p', { className: 'sbw-citations-title', text: '政策依据' })]);
    citations.forEach(function (c) {
      var label = (c.source ? '《' + c.source.replace(/^《|》$/g, '') + '》' : '政策原文') + (c.section ? ' ' + c.section : '');
      box.appendChild(el('details', { className: 'sbw-citation' }, [
        el('summary', { text: label }),
        el('blockquote', { className: 'sbw-citation-text', text: c.text || '' })
      ]));
    });
    return box;
  }

  function renderRating(entry) {
    var status = el('span', { className: 'sbw-rate-status', role: 'status' });
    var group = el('div', { className: 'sbw-rate', role: 'group', 'aria-label': '这条回答有帮助吗？' });
    [['up', '有帮助'], ['down', '没帮助']].forEach(function (r) {
      var button = el('button', {
        type: 'button', className: 'sbw-rate-' + r[0], text: r[1], 'aria-pressed': entry.rating === r[0] ? 'true' : 'false'
      });
      button.addEventListener('click', function () { rate(entry, r[0], group, status); });
      group.appendChild(button);
    });
    if (entry.rating) status.textContent = '感谢您的反馈';
    group.appendChild(status);
    return group;
  }

  function append(node) {
    log.appendChild(node);
    scrollToEnd();
    return node;
  }

  /** The newest message in view; a hidden log has no height, so this runs again whenever the panel is shown. */
  function scrollToEnd() { log.scrollTop = log.scrollHeight; }

  function renderAgent(entry) {
    return el('div', { className: 'sbw-msg sbw-msg-agent' }, [
      el('span', { className: 'sbw-visually-hidden', text: '人工客服：' }),
      el('div', { className: 'sbw-bubble' }, [
        el('p', { className: 'sbw-agent-name', text: '人工客服' + (entry.agent ? ' ' + entry.agent : '') }),
        el('div', { className: 'sbw-agent-text', text: entry.text })
      ])
    ]);
  }

  function renderNotice(entry) {
    var body = el('div', { className: 'sbw-notice-body' });
    renderMarkdown(entry.text, body);
    return el('div', { className: 'sbw-msg sbw-msg-notice', role: 'status' }, [body]);
  }

  function renderEntry(entry) {
    switch (entry.role) {
      case 'user': return renderUser(entry);
      case 'bot': return renderBot(entry);
      case 'agent': return renderAgent(entry);
      case 'notice': return renderNotice(entry);
      default: return renderError(entry);
    }
  }

  function renderWelcome() {
    var body = el('div', { className: 'sbw-body' });
    renderMarkdown(welcome.welcome, body);
    append(el('div', { className: 'sbw-msg sbw-msg-bot sbw-welcome' }, [el('div', { className: 'sbw-bubble' }, [body])]));
  }

  function starters() { return welcome.suggestions && welcome.suggestions.length ? welcome.suggestions : STARTERS; }

  /** GET /api/chat/welcome: the configured assistant name and greeting, naming the place when there is one. */
  async function loadWelcome() {
    var data;
    try {
      var response = await fetch(endpoint('api/chat/welcome') + (state.place ? '?place=' + encodeURIComponent(state.place) : ''), { signal: withTimeout() });
      if (!response.ok) return;
      data = await response.json();
    } catch (e) {
      return; // the built-in welcome stays
    }
    if (!data || typeof data.welcome !== 'string') return;
    welcome = { assistant: String(data.assistant || DEFAULT_NAME), welcome: data.welcome, suggestions: Array.isArray(data.suggestions) ? data.suggestions : [] };
    title.textContent = welcome.assistant;
    if (!state.history.length) {
      if (!busy) renderAll();
    } else if (arrivedAt && data.place) {
      // Scanned another door plate in the middle of a conversation: say where the user is now.
      var notice = { role: 'notice', text: data.welcome };
      state.history.push(notice);
      saveState();
      append(renderEntry(notice));
    }
    arrivedAt = null;
  }

  function renderSuggestions(list) {
    clear(suggestionArea);
    (list || []).slice(0, 6).forEach(function (text) {
      if (typeof text !== 'string' || !text) return;
      var button = el('button', { type: 'button', className: 'sbw-suggestion', text: text });
      // The button goes away with the reply: focus moves to the input first, so it never falls to <body>.
      button.addEventListener('click', function () { input.focus(); send(text); });
      suggestionArea.appendChild(button);
    });
    suggestionArea.hidden = !suggestionArea.firstChild;
  }

  function displaySlot(id, value) {
    value = String(value);
    if (value.indexOf('*') < 0) {
      // The server masks sensitive values; this is a second line of defence if one ever arrives whole.
      if (id === 'id_number' && value.length >= 10) value = value.slice(0, 4) + '**********' + value.slice(-4);
      else if (id === 'bank_card' && value.length >= 10) value = value.slice(0, 4) + ' **** **** ' + value.slice(-4);
      else if (id === 'phone' && value.length === 11) value = value.slice(0, 3) + '****' + value.slice(-4);
    }
    if (id === 'reason' && REASONS[value]) return REASONS[value];
    if (id === 'amount' && /^\d+(\.\d+)?$/.test(value)) return value + ' 元';
    return value;
  }

  function renderTask(task) {
    clear(taskArea);
    taskArea.hidden = !task;
    if (!task) return;
    var head = el('div', { className: 'sbw-task-head' }, [
      el('strong', { className: 'sbw-task-name', text: TASK_NAMES[task.name] || task.name }),
      el('span', { className: 'sbw-badge sbw-badge-' + task.state, text: STATES[task.state] || task.state })
    ]);
    var dismiss = el('button', { type: 'button', className: 'sbw-task-dismiss', 'aria-label': '收起办理卡片' }, [
      el('span', { 'aria-hidden': 'true', text: '×' })
    ]);
    dismiss.addEventListener('click', function () { state.task = null; saveState(); renderTask(null); input.focus(); });
    if (task.state !== 'collecting' && task.state !== 'confirming') head.appendChild(dismiss);
    taskArea.appendChild(head);

    var slots = task.slots || {};
    var filled = Object.keys(slots);
    if (filled.length) {
      var list = el('dl', { className: 'sbw-task-slots' });
      filled.forEach(function (id) {
        list.appendChild(el('dt', { text: SLOT_NAMES[id] || id }));
        list.appendChild(el('dd', { text: displaySlot(id, slots[id]) }));
      });
      taskArea.appendChild(list);
    }
    if (task.missing && task.missing.length) {
      taskArea.appendChild(el('p', { className: 'sbw-task-missing',
        text: '还需提供：' + task.missing.map(function (id) { return SLOT_NAMES[id] || id; }).join('、') }));
    }
    if (task.state === 'submitted' && task.ticket) {
      taskArea.appendChild(el('p', { className: 'sbw-task-ticket' }, ['已提交，办件编号：', el('strong', { text: task.ticket })]));
    }
    if (task.state === 'confirming' || task.state === 'collecting') {
      var actions = el('div', { className: 'sbw-task-actions' });
      if (task.state === 'confirming') {
        var confirm = el('button', { type: 'button', className: 'sbw-task-confirm', text: '确认提交' });
        confirm.addEventListener('click', function () { input.focus(); send('确认'); });
        actions.appendChild(confirm);
      }
      var cancel = el('button', { type: 'button', className: 'sbw-task-cancel', text: '取消办理' });
      cancel.addEventListener('click', function () { input.focus(); send('取消'); });
      actions.appendChild(cancel);
      taskArea.appendChild(actions);
    }
  }

  function renderAll() {
    clear(log);
    if (!state.history.length) renderWelcome();
    state.history.forEach(function (entry) { append(renderEntry(entry)); });
    renderSuggestions(state.suggestions || (state.history.length ? [] : starters()));
    renderTask(state.task);
  }

  // ---- server calls ----

  function HttpProblem(status, problem) {
    this.status = status;
    this.problem = problem || {};
    this.message = (problem && (problem.detail || problem.title)) || ('HTTP ' + status);
  }

  /** A 400 naming the conversation id: the server no longer knows that conversation. */
  function isUnknownConversation(failure) {
    var errors = failure instanceof HttpProblem && failure.status === 400 ? failure.problem.errors : null;
    return !!(errors && (errors.conversationId || errors.ConversationId));
  }

  async function problemOf(response) {
    var body = null;
    try { body = await response.json(); } catch (e) { body = null; }
    return new HttpProblem(response.status, body);
  }

  function withTimeout() {
    var controller = new AbortController();
    setTimeout(function () { controller.abort(); }, REQUEST_TIMEOUT_MS);
    return controller.signal;
  }

  function parseFrame(frame) {
    var name = 'message', data = [];
    frame.split('\n').forEach(function (line) {
      if (line.indexOf('event:') === 0) name = line.slice(6).trim();
      else if (line.indexOf('data:') === 0) data.push(line.slice(5).replace(/^ /, ''));
    });
    return { name: name, data: data.length ? JSON.parse(data.join('\n')) : null };
  }

  /** POST /api/chat/stream read with fetch, so the turn can be a POST; resolves with the final reply JSON. */
  async function streamTurn(body, onDelta) {
    var response = await fetch(endpoint('api/chat/stream'), {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept': 'text/event-stream' },
      body: JSON.stringify(body), signal: withTimeout()
    });
    if (!response.ok) throw await problemOf(response);
    if (!response.body || (response.headers.get('content-type') || '').indexOf('text/event-stream') < 0) {
      throw new Error('not an event stream');
    }
    var reader = response.body.getReader(), decoder = new TextDecoder(), buffer = '', reply = null;
    for (;;) {
      var chunk = await reader.read();
      if (chunk.done) break;
      buffer += decoder.decode(chunk.value, { stream: true }).replace(/\r\n?/g, '\n');
      var end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        var event = parseFrame(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        if (event.name === 'delta' && event.data) onDelta(event.data.text || '');
        else if (event.name === 'reply') reply = event.data;
        else if (event.name === 'error') throw new HttpProblem((event.data && event.data.status) || 500, event.data);
        else if (event.name === 'done' && reply) return reply;
      }
    }
    if (reply) return reply;
    throw new Error('the stream ended before the reply');
  }

  async function postTurn(body) {
    var response = await fetch(endpoint('api/chat'), {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), signal: withTimeout()
    });
    if (!response.ok) throw await problemOf(response);
    return response.json();
  }

  async function sendFeedback(entry, rating, comment) {
    var response = await fetch(endpoint('api/feedback'), {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, signal: withTimeout(),
      body: JSON.stringify({
        conversationId: entry.conversationId || state.conversationId, messageId: entry.replyTo, rating: rating,
        comment: comment || null, userToken: state.userToken
      })
    });
    if (!response.ok) throw await problemOf(response);
  }

  async function rate(entry, rating, group, status) {
    status.textContent = '';
    try {
      await sendFeedback(entry, rating, null);
      entry.rating = rating;
      saveState();
      Array.prototype.forEach.call(group.querySelectorAll('button'), function (b) {
        b.setAttribute('aria-pressed', b.className === 'sbw-rate-' + rating ? 'true' : 'false');
      });
      status.textContent = '感谢您的反馈';
      var open = group.parentNode && group.parentNode.querySelector('.sbw-comment');
      if (rating === 'down' && !open) group.parentNode.insertBefore(renderComment(entry, status), group.nextSibling);
      if (rating !== 'down' && open) open.parentNode.removeChild(open);
    } catch (e) {
      status.textContent = '反馈提交失败，请稍后再试';
    }
  }

  /** After 没帮助: an optional short note on what was missing, sent with the rating for the people who review answers. */
  function renderComment(entry, status) {
    var id = 'sbw-comment-' + (++commentForms);
    var text = el('textarea', {
      id: id, className: 'sbw-comment-text', rows: '2', maxlength: String(MAX_COMMENT), placeholder: '例如：没说在哪里办理'
    });
    var send = el('button', { type: 'submit', className: 'sbw-comment-send', text: '发送' });
    var form = el('form', { className: 'sbw-comment', 'aria-label': '补充说明' }, [
      el('label', { for: id, className: 'sbw-comment-label', text: '哪里没帮到您？可以补充说明（选填，' + MAX_COMMENT + ' 字以内）' }),
      text, send
    ]);
    form.addEventListener('submit', async function (event) {
      event.preventDefault();
      var comment = text.value.trim();
      if (!comment) { status.textContent = '请先填写补充说明'; text.focus(); return; }
      send.disabled = true;
      try {
        await sendFeedback(entry, 'down', comment);
        form.parentNode.removeChild(form);
        status.textContent = '已收到您的补充说明，感谢反馈';
      } catch (e) {
        send.disabled = false;
        status.textContent = '补充说明提交失败，请稍后再试';
      }
    });
    return form;
  }

  // ---- live messages from a human agent (GET /api/chat/events, Server-Sent Events) ----

  var events = null;

  function listen() {
    if (events || !state.live || !state.conversationId || typeof EventSource !== 'function') return;
    var url = endpoint('api/chat/events') + '?userId=' + encodeURIComponent(state.userId) +
      '&conversationId=' + encodeURIComponent(state.conversationId) + '&after=' + state.lastEventId +
      (state.userToken ? '&userToken=' + encodeURIComponent(state.userToken) : '');
    events = new EventSource(url);
    function receive(role) {
      return function (e) {
        var data;
        try { data = JSON.parse(e.data); } catch (err) { return; }
        if (typeof data.id !== 'number' || data.id <= state.lastEventId) return;
        state.lastEventId = data.id;
        var entry = { role: role, text: String(data.text || ''), agent: data.agent || null };
        state.history.push(entry);
        saveState();
        if (log.querySelector('.sbw-welcome')) clear(log);
        append(renderEntry(entry));
      };
    }
    events.addEventListener('agent', receive('agent'));
    events.addEventListener('system', receive('notice'));
  }

  function stopListening() {
    if (events) events.close();
    events = null;
  }

  // ---- a turn ----

  var busy = false;

  function setBusy(value) {
    busy = value;
    sendButton.disabled = value;
    log.setAttribute('aria-busy', value ? 'true' : 'false');
    Array.prototype.forEach.call(root.querySelectorAll('.sbw-suggestion, .sbw-task-actions button'), function (b) { b.disabled = value; });
  }

  async function send(raw) {
    var text = String(raw || '').trim();
    if (busy || !text) return;
    setBusy(true);
    var messageId = uuid();
    var userEntry = { role: 'user', text: text, messageId: messageId };
    state.history.push(userEntry);
    state.suggestions = [];
    saveState();
    if (log.querySelector('.sbw-welcome')) clear(log);
    append(renderUser(userEntry));
    renderSuggestions([]);

    // The streaming bubble is replaced by the full rendering once the reply arrives.
    var streamed = '';
    var body = el('div', { className: 'sbw-body' }, [el('p', { className: 'sbw-typing', text: '正在输入…' })]);
    var pending = append(el('div', { className: 'sbw-msg sbw-msg-bot', 'data-streaming': 'true', 'aria-busy': 'true' }, [
      el('div', { className: 'sbw-bubble' }, [body])
    ]));
    var request = {
      userId: state.userId, conversationId: state.conversationId, messageId: messageId, text: text, userToken: state.userToken, place: state.place
    };

    var reply = null, failure = null;
    try {
      reply = await streamTurn(request, function (delta) {
        streamed += delta;
        clear(body);
        renderMarkdown(streamed, body);
        log.scrollTop = log.scrollHeight;
      });
    } catch (e) {
      failure = e;
    }
    if (!reply && !(failure instanceof HttpProblem && (failure.status === 400 || failure.status === 401))) {
      // The same message id makes the fallback safe: a turn that already ran returns its stored reply.
      try { reply = await postTurn(request); failure = null; } catch (e) { failure = e; }
    }
    if (!reply && request.conversationId && isUnknownConversation(failure)) {
      // The conversation is gone (the visitor had their records deleted, or it outlived the retention period): start a new one.
      request.conversationId = null;
      try { reply = await postTurn(request); failure = null; } catch (e) { failure = e; }
    }
    log.removeChild(pending);

    if (reply) {
      state.conversationId = reply.conversationId || state.conversationId;
      state.userToken = reply.userToken || state.userToken;
      var botEntry = {
        role: 'bot', markdown: String(reply.reply || ''), citations: reply.citations || [], task: reply.task || null,
        refused: reply.refused === true, replyTo: messageId, conversationId: state.conversationId
      };
      state.history.push(botEntry);
      state.suggestions = reply.suggestions || [];
      state.task = reply.task || null;
      append(renderBot(botEntry));
      if (reply.handoff && !state.live) { state.live = true; listen(); }
    } else {
      if (failure instanceof HttpProblem && failure.status === 401) {
        // A visitor id whose token was lost (cleared or older storage) can never speak again: start as a new visitor.
        state.userId = 'v-' + uuid();
        state.userToken = null;
        state.conversationId = null;
      } else if (isUnknownConversation(failure)) {
        state.conversationId = null;
      }
      var detail = failure instanceof HttpProblem && failure.status === 400 && failure.problem.detail
        ? failure.problem.detail
        : failure instanceof HttpProblem && failure.status === 401
          ? '会话已失效，已为您开始新的会话，请重新发送您的问题。'
          : '抱歉，服务暂时不可用，请稍后再试，或拨打 12345 政务服务便民热线。';
      var errorEntry = { role: 'error', text: detail };
      state.history.push(errorEntry);
      append(renderError(errorEntry));
    }
    saveState();
    setBusy(false);
    renderSuggestions(state.suggestions);
    renderTask(state.task);
    if (!panel.hidden && (!document.activeElement || document.activeElement === document.body)) input.focus();
  }

  // ---- opening, closing, keyboard ----

  function open() {
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    launcher.hidden = true;
    state.open = true;
    saveState();
    scrollToEnd();
    input.focus();
  }

  function close() {
    panel.hidden = true;
    launcher.hidden = false;
    launcher.setAttribute('aria-expanded', 'false');
    state.open = false;
    saveState();
    launcher.focus();
  }

  function startOver() {
    if (busy) return;
    // Conversation ids are issued by the server: without one, the next turn continues the visitor's latest
    // conversation, or starts a new one once that has been idle.
    state.conversationId = null;
    stopListening();
    state.live = false;
    state.lastEventId = 0;
    state.history = [];
    state.suggestions = null;
    state.task = null;
    saveState();
    renderAll();
    input.focus();
  }

  launcher.addEventListener('click', open);
  closeButton.addEventListener('click', close);
  newButton.addEventListener('click', startOver);
  panel.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') { e.preventDefault(); close(); }
  });
  input.addEventListener('keydown', function (e) {
    // Enter while a Chinese IME is composing picks a candidate; it must not send.
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
      e.preventDefault();
      form.requestSubmit ? form.requestSubmit() : submit();
    }
  });
  function submit() {
    var text = input.value;
    if (busy || !text.trim()) return;
    input.value = '';
    send(text);
  }
  form.addEventListener('submit', function (e) { e.preventDefault(); submit(); });

  function mount() {
    document.body.appendChild(root);
    renderAll();
    if (state.open) { panel.hidden = false; launcher.hidden = true; launcher.setAttribute('aria-expanded', 'true'); scrollToEnd(); }
    listen();
    loadWelcome();
  }
  if (document.body) mount(); else document.addEventListener('DOMContentLoaded', mount);

  window.ServiceBotWidget = { open: open, close: close, send: send, renderMarkdown: renderMarkdown };
})();
