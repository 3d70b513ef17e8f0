/**
 * The start page: what this installation is, its published lists, and where the API lives.
 */
import type { Db } from '../db/create-db.ts';
import type { Actor } from './actor.ts';
import { html } from './html.ts';
import { listLists } from '../modules/lists/index.ts';

export async function homePage(db: Db, actor: Actor): Promise<string> {
  const lists = await listLists(db, actor, { state: 'published' });
  return html`<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>公开 Gongkai · 政务公开工作平台</title>
<style>body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;max-width:56rem;margin:2rem auto;padding:0 1rem;line-height:1.6;color:#1f1f1f}
h1{font-size:1.6rem}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left}a{color:#0b57d0}</style></head>
<body>
<h1>公开 Gongkai · 政务公开工作平台</h1>
<p>政务公开重点工作责任清单的导入、分派、督办与公开。</p>
<h2>已发布的清单</h2>
${lists.length ? html`<table><thead><tr><th>清单</th><th>年度</th><th>任务数</th><th>发布时间</th></tr></thead><tbody>
${lists.map((l) => html`<tr><td><a href="/api/v1/lists/${l.id}">${l.title}</a></td><td>${l.year}</td><td>${l.taskCount}</td><td>${(l.publishedAt ?? '').slice(0, 10)}</td></tr>`)}
</tbody></table>` : html`<p>暂无已发布的清单。</p>`}
<h2>接口</h2>
<p><a href="/portal">政府信息公开平台（公众）</a> · <a href="/progress">重点工作落实情况（公众）</a> · <a href="/apply">申请政府信息公开</a> · <a href="/track">申请进度查询</a> · <a href="/admin/">工作台（登录）</a> · <a href="/api/docs">API 文档（OpenAPI）</a> · <a href="/api/health">运行状态</a></p>
</body></html>`.html;
}
