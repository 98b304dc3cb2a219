/*
 * The Review queue tab: refused questions, thumbs-down answers and handoffs grouped by wording, most frequent first.
 * For a group the editor attaches its question as a 相似问法 to a clause found by hit testing, writes a curated answer
 * citing 1–3 such clauses, or marks it out of scope; attached questions and curated answers take effect after a re-index,
 * which this tab can start.
 */
(function () {
  'use strict';

  var KIND_NAMES = { refusal: '未能回答', thumbs_down: '没帮助', handoff: '转人工' };
  var REASON_NAMES = { user_request: '用户要求', repeated_refusal: '连续未能回答', invalid_values: '多次填写无效', distress: '安全求助' };
  // The limits of POST /api/admin/review/curated-answer (ReviewApi).
  var MAX_ANSWER = 1000, MAX_CITATIONS = 3, MAX_QUESTIONS = 10;
  var view = { forms: 0 };

  function render(panel, admin) {
    var el = admin.el;
    view.admin = admin;
    view.refresh = el('button', { id: 'review-refresh', type: 'button', className: 'secondary', text: '刷新' });
    view.refresh.addEventListener('click', load);
    view.reindexButton = el('button', { id: 'review-reindex', type: 'button', text: '重新索引使修改生效' });
    view.reindexButton.addEventListener('click', reindex);
    view.status = el('p', { id: 'review-status', className: 'status', role: 'status' });
    view.groups = el('div', { id: 'review-groups' });
    panel.appendChild(el('h2', { text: '待处理问题' }));
    view.hint = el('p', { className: 'hint', text: '未能回答、被点“没帮助”和转人工的问题，按相似问法归组，出现次数多的在前。' });
    panel.appendChild(view.hint);
    panel.appendChild(el('div', { className: 'actions' }, [view.refresh, view.reindexButton]));
    panel.appendChild(view.status);
    panel.appendChild(view.groups);
  }

  async function load() {
    var admin = view.admin, el = admin.el;
    view.status.textContent = '正在加载……';
    var r;
    try {
      r = await admin.api('GET', '/api/admin/review');
    } catch (e) {
      view.status.textContent = '加载失败：' + e.message;
      return;
    }
    view.hint.textContent = '最近 ' + r.days + ' 天内未能回答、被点“没帮助”和转人工的问题，按字面相似度（二元组重合 ≥ ' +
      r.similarity.toFixed(2) + '）归组，出现次数多的在前。';
    view.status.textContent = r.groups.length ? '' : '暂无待处理问题。';
    admin.clear(view.groups);
    r.groups.forEach(function (g) { view.groups.appendChild(group(el, g)); });
  }

  function group(el, g) {
    var card = el('article', { className: 'review-group', 'data-key': g.key }, [
      el('h3', { className: 'review-question', text: g.question }),
      el('p', { className: 'review-meta', text: '出现 ' + g.count + ' 次 · ' + g.kinds.map(function (k) { return KIND_NAMES[k] || k; }).join('、') +
        ' · 最近 ' + view.admin.formatTime(g.lastAt) })
    ]);
    if (g.cited.length) card.appendChild(el('p', { className: 'review-cited', text: '回答曾引用：' + g.cited.join('；') }));
    var examples = el('ul', { className: 'review-examples' });
    g.examples.forEach(function (x) {
      var parts = [view.admin.formatTime(x.at), KIND_NAMES[x.kind] || x.kind, x.question];
      if (x.comment) parts.push('评论：' + x.comment);
      if (x.reason) parts.push('原因：' + (REASON_NAMES[x.reason] || x.reason));
      examples.appendChild(el('li', { text: parts.join(' · ') }));
    });
    card.appendChild(examples);

    var attach = el('button', { type: 'button', className: 'attach', text: '挂为相似问法' });
    var curate = el('button', { type: 'button', className: 'curate secondary', text: '写精选答复' });
    var outOfScope = el('button', { type: 'button', className: 'out-of-scope secondary', text: '标记为超出服务范围' });
    var picker = el('div', { className: 'clause-picker', hidden: '' });
    var curated = el('div', { className: 'curated-form', hidden: '' });
    var message = el('p', { className: 'status review-result', role: 'status' });
    attach.addEventListener('click', function () { openPicker(el, picker, g, message); });
    curate.addEventListener('click', function () { openCuratedForm(el, curated, g, message); });
    outOfScope.addEventListener('click', function () { markOutOfScope(g, message, outOfScope); });
    card.appendChild(el('div', { className: 'actions' }, [attach, curate, outOfScope]));
    card.appendChild(picker);
    card.appendChild(curated);
    card.appendChild(message);
    return card;
  }

  function openPicker(el, picker, g, message) {
    if (!picker.hidden) return;
    picker.hidden = false;
    picker.appendChild(el('p', { className: 'hint', text: '检索并选择这个问题应当引用的条款：' }));
    picker.appendChild(clauseSearch(el, g.question, message, function (hit) { attachTo(g, hit, message); }));
  }

  /** A clause search by hit testing: a query box and the ranked clauses, each with a 选择 button that calls choose(hit). */
  function clauseSearch(el, initial, message, choose) {
    var query = el('input', { type: 'search', className: 'clause-query', maxlength: '500', size: '50', 'aria-label': '检索条款' });
    query.value = initial;
    var hits = el('ul', { className: 'clause-hits' });
    var form = el('form', { className: 'actions' }, [query, el('button', { type: 'submit', text: '检索条款' })]);
    form.addEventListener('submit', function (event) { event.preventDefault(); search(el, query.value.trim(), hits, message, choose); });
    search(el, initial, hits, message, choose);
    return el('div', { className: 'clause-search' }, [form, hits]);
  }

  async function search(el, text, hits, message, choose) {
    if (!text) return;
    // Only the latest search fills the list, whichever answer arrives last.
    var ticket = hits.dataset.ticket = String(Number(hits.dataset.ticket || 0) + 1);
    view.admin.clear(hits);
    var r;
    try {
      r = await view.admin.api('GET', '/api/admin/hittest?top=8&q=' + encodeURIComponent(text));
    } catch (e) {
      message.textContent = '检索失败：' + e.message;
      return;
    }
    if (hits.dataset.ticket !== ticket) return;
    if (!r.hits.length) hits.appendChild(el('li', { text: '没有检索到条款，请换个说法。' }));
    // A curated answer is never a clause to cite or to teach.
    r.hits.filter(function (h) { return h.source && h.section && h.type !== 'qa'; }).forEach(function (h) {
      var button = el('button', { type: 'button', className: 'clause-choose secondary', text: '选择' });
      button.addEventListener('click', function () { choose(h); });
      hits.appendChild(el('li', { className: 'clause-hit' }, [
        button, ' ', el('span', { className: 'clause-label', text: '《' + h.source + '》' + h.section })
      ]));
    });
  }

  /** The group's distinct questions, the founding wording first: all become the curated answer's 相似问法. */
  function questionsOf(g) {
    var seen = {};
    return [g.question].concat(g.examples.map(function (x) { return x.question; })).filter(function (q) {
      if (!q || seen[q]) return false;
      seen[q] = true;
      return true;
    }).slice(0, MAX_QUESTIONS);
  }

  function openCuratedForm(el, form, g, message) {
    if (!form.hidden) return;
    form.hidden = false;
    var id = 'curated-' + (++view.forms);
    var cited = [];
    var text = el('textarea', { id: id + '-text', className: 'curated-text', rows: '5', cols: '60', maxlength: String(MAX_ANSWER) });
    var count = el('span', { className: 'hint curated-count', 'aria-live': 'polite', text: '0/' + MAX_ANSWER });
    text.addEventListener('input', function () { count.textContent = text.value.length + '/' + MAX_ANSWER; });
    var chosen = el('ul', { className: 'curated-cited', 'aria-label': '已选依据条款' });
    var save = el('button', { type: 'button', className: 'curated-save', text: '保存精选答复' });

    function renderChosen() {
      view.admin.clear(chosen);
      if (!cited.length) chosen.appendChild(el('li', { className: 'hint', text: '尚未选择依据条款。' }));
      cited.forEach(function (c, i) {
        var remove = el('button', { type: 'button', className: 'secondary curated-remove', text: '移除', 'aria-label': '移除《' + c.source + '》' + c.section });
        remove.addEventListener('click', function () { cited.splice(i, 1); renderChosen(); });
        chosen.appendChild(el('li', { className: 'curated-clause' }, [el('span', { text: '《' + c.source + '》' + c.section }), ' ', remove]));
      });
    }
    function choose(hit) {
      if (cited.some(function (c) { return c.source === hit.source && c.section === hit.section; })) return;
      if (cited.length >= MAX_CITATIONS) { message.textContent = '最多选择 ' + MAX_CITATIONS + ' 个依据条款。'; return; }
      cited.push({ source: hit.source, section: hit.section });
      message.textContent = '';
      renderChosen();
    }
    save.addEventListener('click', function () { saveCurated(g, text, cited, message, save); });

    form.appendChild(el('p', { className: 'hint', text: '将作为以下问题的答复：' + questionsOf(g).join('；') }));
    form.appendChild(el('label', { for: id + '-text', text: '答复内容（纯文本，最多 ' + MAX_ANSWER + ' 字）' }));
    form.appendChild(text);
    form.appendChild(count);
    form.appendChild(el('p', { className: 'hint', text: '检索并选择答复依据的条款（1 到 ' + MAX_CITATIONS + ' 个）：' }));
    form.appendChild(clauseSearch(el, g.question, message, choose));
    form.appendChild(chosen);
    form.appendChild(el('div', { className: 'actions' }, [save]));
    renderChosen();
  }

  async function saveCurated(g, text, cited, message, button) {
    if (!text.value.trim()) { message.textContent = '请填写答复内容。'; text.focus(); return; }
    if (!cited.length) { message.textContent = '请至少选择一个依据条款。'; return; }
    button.disabled = true;
    try {
      await view.admin.api('POST', '/api/admin/review/curated-answer', { questions: questionsOf(g), answer: text.value, citations: cited });
      message.textContent = '已保存精选答复，重新索引后生效。';
    } catch (e) {
      var errors = e.body && e.body.errors ? Object.keys(e.body.errors).map(function (k) { return e.body.errors[k].join(' '); }) : [];
      message.textContent = '保存失败：' + (errors.length ? errors.join(' ') : e.message);
    } finally {
      button.disabled = false;
    }
  }

  async function attachTo(g, hit, message) {
    try {
      var r = await view.admin.api('POST', '/api/admin/review/similar-question', { question: g.question, source: hit.source, section: hit.section });
      message.textContent = '已挂到《' + r.source + '》' + r.section + '，重新索引后生效。';
    } catch (e) {
      message.textContent = '操作失败：' + e.message;
    }
  }

  async function markOutOfScope(g, message, button) {
    button.disabled = true;
    try {
      await view.admin.api('POST', '/api/admin/review/out-of-scope', { question: g.question });
      await load();
    } catch (e) {
      button.disabled = false;
      message.textContent = '操作失败：' + e.message;
    }
  }

  async function reindex() {
    view.reindexButton.disabled = true;
    try {
      var s = await view.admin.api('POST', '/api/admin/reindex');
      while (s.state === 'running') {
        view.status.textContent = '正在重新索引……' + s.percent + '%';
        await new Promise(function (resolve) { setTimeout(resolve, 500); });
        s = await view.admin.api('GET', '/api/admin/reindex');
      }
      // The queue is reloaded first: attached questions answered now leave it, and its status line gives way to this one.
      if (s.state === 'succeeded') await load();
      view.status.textContent = s.state === 'succeeded' ? '重新索引完成，修改已生效。' : '重新索引失败：' + (s.error || '');
    } catch (e) {
      view.status.textContent = '重新索引失败：' + e.message;
    } finally {
      view.reindexButton.disabled = false;
    }
  }

  AdminConsole.registerTab({ id: 'review', title: '问题复盘', order: 30, render: render, show: load });
})();
