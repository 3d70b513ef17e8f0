/**
 * The public site's page frame and stylesheet: server-rendered, no JavaScript, readable on a phone,
 * WCAG 2.1 AA colours (text contrast ≥ 4.5:1; status shown in words, not by colour alone).
 */
import { html, type SafeHtml } from './html.ts';

export const SITE_CSS = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;line-height:1.65;color:#1f1f1f;background:#fafafa}
a{color:#0645ad}a:focus,button:focus{outline:3px solid #1a56c4;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
header.site{background:#9f1c1c;color:#fff;padding:.8rem 1rem}header.site a{color:#fff;text-decoration:none;font-weight:600}
main{max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:.5rem 0}h2{font-size:1.25rem;margin:1.5rem 0 .5rem;border-bottom:2px solid #9f1c1c;padding-bottom:.2rem}
h3{font-size:1.05rem;margin:1rem 0 .4rem}
.meta{color:#4a4a4a;font-size:.95rem}
.summary{display:flex;flex-wrap:wrap;gap:.75rem;margin:1rem 0;padding:0;list-style:none}
.summary li{background:#fff;border:1px solid #ccc;border-radius:6px;padding:.5rem .9rem}
.summary strong{font-size:1.3rem;display:block}
.task{background:#fff;border:1px solid #d0d0d0;border-radius:6px;padding:.75rem 1rem;margin:.6rem 0}
.task p{margin:.3rem 0}
.badge{display:inline-block;border-radius:4px;padding:0 .45rem;font-size:.9rem;font-weight:600;border:1px solid}
.s-completed{color:#1b5e20;border-color:#1b5e20;background:#e8f5e9}
.s-inProgress{color:#7a4b00;border-color:#7a4b00;background:#fff4e0}
.s-overdue{color:#a00000;border-color:#a00000;background:#fdecea}
.s-notStarted{color:#424242;border-color:#424242;background:#f1f1f1}
.progress{font-size:.9rem;color:#333}
blockquote{margin:.4rem 0;padding:.3rem .8rem;border-left:4px solid #9f1c1c;background:#f7f7f7}
table{border-collapse:collapse;width:100%;background:#fff}th,td{border:1px solid #ccc;padding:.4rem;text-align:left;vertical-align:top}
th{background:#f0f0f0}
footer{max-width:60rem;margin:2rem auto;padding:1rem;color:#4a4a4a;font-size:.9rem}
@media (max-width:600px){main{padding:.6rem}h1{font-size:1.25rem}}
`;

/**
 * A complete page: language, title, skip link, header, main, footer. `opts.nav` replaces the
 * header's navigation (a section's own menus), `opts.head` adds to <head> (a stylesheet, feed links).
 */
export function page(title: string, body: SafeHtml, opts: { nav?: SafeHtml; head?: SafeHtml } = {}): string {
  return html`<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · 政务公开</title><link rel="stylesheet" href="/assets/site.css">${opts.head ?? ''}</head>
<body><a class="skip" href="#main">跳到正文</a>
<header class="site">${opts.nav ?? html`<nav aria-label="网站导航"><a href="/progress">政务公开 · 重点工作落实情况</a> <span aria-hidden="true">|</span> <a href="/apply">申请公开</a> <span aria-hidden="true">|</span> <a href="/track">进度查询</a></nav>`}</header>
<main id="main">${body}</main>
<footer>本页面由政务公开工作平台生成，仅展示已审核公开的信息。</footer>
</body></html>`.html;
}
