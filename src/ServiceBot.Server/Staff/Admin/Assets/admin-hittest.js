/*
 * The Hit testing tab, the browser face of `search --explain`: how a question is analysed (corrections, lay expansions,
 * weighted terms), the ranked clauses with their scores and strongest feature contributions, and the grounding decision.
 */
(function () {
  'use strict';

  var view = {};

  function render(panel, admin) {
    var el = admin.el;
    view.admin = admin;
    view.question = el('input', { id: 'hittest-question', type: 'search', maxlength: '500', placeholder: '输入市民可能会问的问题', size: '60' });
    var form = el('form', { id: 'hittest-form', className: 'actions' }, [
      el('label', { 'for': 'hittest-question', text: '测试问题' }), view.question, el('button', { type: 'submit', text: '测试' })
    ]);
    form.addEventListener('submit', function (event) { event.preventDefault(); run(); });
    view.status = el('p', { id: 'hittest-status', className: 'status', role: 'status' });
    view.result = el('div', { id: 'hittest-result' });
    panel.appendChild(el('h2', { text: '命中测试' }));
    panel.appendChild(el('p', { className: 'hint', text: '查看问题如何被理解、检索到哪些条款及其得分，以及是否达到作答阈值。' }));
    panel.appendChild(form);
    panel.appendChild(view.status);
    panel.appendChild(view.result);
  }

  function num(value, digits) { return typeof value === 'number' ? value.toFixed(digits) : '—'; }

  // Why the composer refused: its hard rule, the refusal model below its threshold, or (without a model) the coverage thresholds.
  function refusalReason(d) {
    if (!d || d.hardRefusal) return '没有条款覆盖问题、问题属于其他领域，或条款未给出所问的数字';
    if (typeof d.answerProbability === 'number') return '拒答模型的作答概率低于阈值';
    return '未达到覆盖阈值';
  }

  function terms(el, list) {
    if (!list.length) return el('span', { className: 'hint', text: '（无）' });
    return el('span', { className: 'terms' }, list.map(function (t) {
      return el('span', { className: 'term' + (t.expansion ? ' expansion' : ''), title: t.expansion ? '扩展词' : '', text: t.term + ' ×' + num(t.weight, 2) });
    }));
  }

  async function run() {
    var admin = view.admin, el = admin.el;
    var question = view.question.value.trim();
    if (!question) { view.status.textContent = '请输入问题。'; return; }
    view.status.textContent = '正在测试……';
    var r;
    try {
      r = await admin.api('GET', '/api/admin/hittest?q=' + encodeURIComponent(question));
    } catch (e) {
      view.status.textContent = '测试失败：' + e.message;
      return;
    }
    view.status.textContent = '';
    admin.clear(view.result);
    var q = r.query, g = r.grounding;

    var analysis = el('section', { id: 'hittest-query' }, [el('h3', { text: '分析后的查询' })]);
    if (q.corrections.length)
      analysis.appendChild(el('p', { text: '纠错：' + q.corrections.map(function (c) { return c.typed + ' → ' + c.corrected; }).join('，') }));
    if (q.expansions.length)
      analysis.appendChild(el('p', { text: '口语扩展：' + q.expansions.map(function (x) { return x.lay.join('/') + ' → ' + x.policy.join('/'); }).join('，') }));
    analysis.appendChild(el('p', {}, ['词：', terms(el, q.words)]));
    analysis.appendChild(el('p', {}, ['二元组：', terms(el, q.bigrams)]));
    view.result.appendChild(analysis);

    var decision = el('section', { id: 'hittest-decision' }, [el('h3', { text: '作答判定' })]);
    decision.appendChild(el('p', {
      className: 'decision ' + (r.answer.grounded ? 'grounded' : 'refused'),
      text: r.answer.grounded
        ? '可以作答，依据：' + r.answer.citations.map(function (c) { return '《' + c.source + '》' + c.section; }).join('；')
        : '不作答（' + refusalReason(r.decision) + '，将给出无法回答的提示）'
    }));
    if (r.decision && !r.decision.hardRefusal)
      decision.appendChild(el('p', { className: 'hint', text: '覆盖阈值' + (r.decision.ruleAnswers ? '达到' : '未达到') + '；' +
        (r.decision.answerProbability === null || r.decision.answerProbability === undefined
          ? '拒答模型未参与，按覆盖阈值判定。'
          : '拒答模型作答概率 ' + num(r.decision.answerProbability, 3) + '，阈值 ' + num(r.decision.minAnswerProbability, 2) +
            (r.decision.answerProbability < r.decision.minAnswerProbability && r.answer.grounded ? '，未达到，但条款原文直接覆盖了问题、条款有几乎一字不差的相似问法，或条款独含问题所问的专有词，模型不否决。' : '，由模型判定。')) }));
    decision.appendChild(el('p', { className: 'hint', text: '阈值：覆盖率 ≥ ' + num(g.minCoverage, 2) + '，问题含领域词时 ≥ ' + num(g.minDomainCoverage, 2) +
      '（本问题' + (g.questionInDomain ? '含' : '不含') + '领域词）。排序：' + (r.ranking.reranked ? '排序树重排前 ' + r.ranking.depth + ' 条候选' : '仅第一阶段得分') + '。' }));
    view.result.appendChild(decision);

    var hits = el('section', { id: 'hittest-hits' }, [el('h3', { text: '检索到的条款' })]);
    if (!r.hits.length) hits.appendChild(el('p', { text: '没有检索到任何条款。' }));
    r.hits.forEach(function (h) {
      var f = h.firstStage;
      var item = el('div', { className: 'hit' + (h.grounded ? ' grounded' : '') }, [
        el('div', { className: 'hit-title', text: h.rank + '. 《' + (h.source || h.id) + '》' + (h.section || '') }),
        el('div', { text: '第一阶段 ' + num(f.score, 2) + '（第 ' + f.rank + ' 名）= 词 ' + num(f.words, 2) + ' + 二元组 ' + num(f.bigrams, 2) +
          ' + 相似问法 ' + num(f.questions, 2) + ' + 邻条 ' + num(f.neighbor, 2) + ' + 文档 ' + num(f.group, 2) }),
        el('div', { className: 'hit-coverage', text: '作答覆盖率：' + (h.coverage === null || h.coverage === undefined ? '—（不在作答时检查的候选内）'
          : num(h.coverage, 2) + '，' + (h.grounded ? '达到' : '未达到') + '作答阈值') })
      ]);
      if (h.ranker) {
        var strongest = Object.keys(h.ranker.contributions)
          .map(function (k) { return { k: k, v: h.ranker.contributions[k] }; })
          .filter(function (c) { return Math.abs(c.v) >= 0.005; })
          .sort(function (a, b) { return Math.abs(b.v) - Math.abs(a.v); }).slice(0, 6)
          .map(function (c) { return (r.labels[c.k] || c.k) + ' ' + (c.v >= 0 ? '+' : '') + c.v.toFixed(2) + '（' + num(h.features[c.k], 2) + '）'; });
        item.appendChild(el('div', { className: 'contributions', text: '重排得分 ' + num(h.ranker.score, 3) + ' = 基线 ' + num(h.ranker.baseline, 3) + '；主要贡献：' + strongest.join('，') }));
      }
      hits.appendChild(item);
    });
    view.result.appendChild(hits);
  }

  AdminConsole.registerTab({ id: 'hittest', title: '命中测试', order: 20, render: render });
})();
