namespace Feed.Core.Pages;

/// <summary>The one stylesheet of every page, inline (no external assets), allowed by its hash in the CSP.</summary>
public static class PageStyle
{
    public const string Css = """
:root{color-scheme:light dark;--bg:#f6f7f9;--card:#fff;--text:#1b1f24;--muted:#57606a;--line:#d8dee4;--accent:#0b62d6;--accent-text:#fff;--chip:#eef2f7;--shadow:0 1px 2px rgba(0,0,0,.06),0 2px 8px rgba(0,0,0,.04)}
@media (prefers-color-scheme:dark){:root{--bg:#0f1216;--card:#181c22;--text:#e6e8eb;--muted:#9aa4af;--line:#2c323a;--accent:#5aa2ff;--accent-text:#0b0d10;--chip:#232932;--shadow:none}}
*{box-sizing:border-box}
[hidden]{display:none!important}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--text);font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;overflow-wrap:anywhere}
a{color:var(--accent)}
a:hover{text-decoration-thickness:2px}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.skip{position:absolute;left:-999px}
.skip:focus{left:1rem;top:1rem;background:var(--card);padding:.5rem;z-index:1}
header.site{border-bottom:1px solid var(--line);background:var(--card)}
header.site div,main,footer{max-width:72rem;margin:0 auto;padding:0 1rem}
header.site div{display:flex;gap:1rem;align-items:center;min-height:3.25rem}
header.site a{font-weight:700;text-decoration:none;color:var(--text)}
header.site nav{margin-left:auto;font-size:.9rem}
header.site nav a{font-weight:500;color:var(--accent)}
.logo{display:inline-grid;place-items:center;width:1.6rem;height:1.6rem;border-radius:.4rem;background:#f26522;color:#fff;margin-right:.4rem;font-size:.85rem}
h1{font-size:clamp(1.6rem,4vw,2.3rem);line-height:1.2;margin:1.5rem 0 .4rem}
h2{font-size:1.25rem;margin:0 0 .5rem}
.lede{color:var(--muted);margin:0 0 1rem;max-width:46rem}
@media (max-width:36rem){.lede{font-size:.95rem}h1{margin-top:1rem}}
.layout{display:grid;grid-template-columns:minmax(0,1fr) 20rem;gap:1.5rem;align-items:start;margin-bottom:2rem}
@media (max-width:56rem){.layout{grid-template-columns:minmax(0,1fr)}}
.card{background:var(--card);border:1px solid var(--line);border-radius:.75rem;box-shadow:var(--shadow)}
.items{list-style:none;margin:0;padding:0;display:grid;gap:1rem}
.item{display:grid;grid-template-columns:11rem minmax(0,1fr);gap:1rem;padding:1rem}
.item.text{grid-template-columns:minmax(0,1fr)}
.item img{width:100%;height:auto;aspect-ratio:16/9;object-fit:cover;border-radius:.5rem;background:var(--chip)}
@media (max-width:36rem){.item{grid-template-columns:minmax(0,1fr)}}
.item h2 a{color:var(--text);text-decoration:none}
.item h2 a:hover{text-decoration:underline}
.meta{color:var(--muted);font-size:.9rem;margin:0 0 .5rem}
.excerpt{margin:0 0 .6rem}
.chips{list-style:none;display:flex;flex-wrap:wrap;gap:.35rem;margin:.4rem 0 0;padding:0}
.chips a{display:inline-block;background:var(--chip);color:var(--text);border-radius:999px;padding:.1rem .6rem;font-size:.85rem;text-decoration:none}
.chips a:hover{background:var(--line)}
.badge{display:inline-block;background:#c62828;color:#fff;border-radius:.3rem;padding:0 .4rem;font-size:.75rem;font-weight:700;vertical-align:middle;margin-right:.35rem}
.video{font-weight:600}
details.related{margin-top:.5rem;font-size:.92rem}
details.related ul{margin:.4rem 0 0;padding-left:1.1rem}
.panel{padding:1rem 1.1rem}
.panel h2{font-size:1.1rem}
.panel p{margin:.3rem 0 .8rem;font-size:.9rem}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;margin:0 0 1.25rem}
.urls{display:grid;gap:.55rem;margin:0 0 1rem}
.url label{display:block;font-size:.8rem;font-weight:600;color:var(--muted)}
.url div{display:flex;gap:.4rem}
.url input{flex:1;min-width:0;font:.82rem ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;padding:.4rem .5rem;border:1px solid var(--line);border-radius:.4rem;background:var(--bg);color:var(--text)}
button{font:inherit;font-size:.85rem;cursor:pointer;border:1px solid var(--accent);background:var(--accent);color:var(--accent-text);border-radius:.4rem;padding:.35rem .7rem}
.readers{display:flex;flex-wrap:wrap;gap:.4rem;list-style:none;padding:0;margin:.3rem 0 1rem}
.readers a,.button{display:inline-block;border:1px solid var(--line);border-radius:.4rem;padding:.35rem .65rem;text-decoration:none;font-size:.9rem;background:var(--card)}
.button.primary{background:var(--accent);border-color:var(--accent);color:var(--accent-text);font-weight:600}
.pager{display:flex;flex-wrap:wrap;gap:.6rem;justify-content:space-between;margin:1.25rem 0}
.empty{padding:1.25rem}
.toolbar{display:flex;flex-wrap:wrap;gap:.75rem;align-items:center;margin:1rem 0 1.25rem}
.toolbar input{flex:1 1 16rem;min-width:0;font:inherit;padding:.55rem .75rem;border:1px solid var(--line);border-radius:.5rem;background:var(--card);color:var(--text)}
.intro{padding:1rem 1.1rem;margin:0 0 1rem;display:flex;flex-wrap:wrap;gap:.75rem 1.25rem;align-items:center}
.intro p{margin:0;font-size:.93rem;flex:1 1 24rem}
.intro p:last-child{flex:0 0 auto}
section.group{margin:1.5rem 0 2rem}
section.group h2 .count{color:var(--muted);font-weight:400;font-size:1rem}
.grid{list-style:none;margin:0;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(17rem,1fr));gap:.9rem}
.feed{display:grid;grid-template-columns:4.5rem minmax(0,1fr);gap:.8rem;padding:.8rem;align-items:start}
.feed img,.feed .noimg{width:4.5rem;height:4.5rem;object-fit:cover;border-radius:.5rem;background:var(--chip)}
.feed .noimg{display:grid;place-items:center;font-weight:700;font-size:1.4rem;color:var(--muted)}
.feed h3{font-size:1.02rem;margin:0 0 .15rem;line-height:1.3}
.feed h3 a{color:var(--text);text-decoration:none}
.feed h3 a::after{content:"";position:absolute;inset:0}
.feed{position:relative}
.feed h3 a:hover{text-decoration:underline}
.feed .meta{margin:0;font-size:.85rem}
.formats{position:relative;z-index:1;font-size:.8rem;margin-top:.25rem}
.formats a{margin-right:.5rem}
.nomatch{color:var(--muted)}
footer{color:var(--muted);font-size:.85rem;padding-bottom:2rem}
""";

    public static string Hash { get; } = ContentSecurityPolicy.HashOf(Css);
}
