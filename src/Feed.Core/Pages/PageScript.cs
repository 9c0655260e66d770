namespace Feed.Core.Pages;

/// <summary>
/// The one script of every page, inline and allowed by its hash in the CSP: copy buttons and the catalog's filter.
/// Both are hidden in the markup and shown by the script, so without JavaScript nothing is offered that cannot work.
/// </summary>
public static class PageScript
{
    public const string Js = """
for(const b of document.querySelectorAll("button[data-copy]")){b.hidden=false;b.addEventListener("click",async()=>{const i=document.getElementById(b.dataset.copy);try{await navigator.clipboard.writeText(i.value)}catch{i.select();document.execCommand("copy")}b.textContent="Copied";setTimeout(()=>{b.textContent="Copy"},1500)})}
const f=document.getElementById("filter");if(f){f.parentElement.hidden=false;const none=document.getElementById("nomatch");f.addEventListener("input",()=>{const q=f.value.trim().toLowerCase();let any=false;for(const g of document.querySelectorAll("section.group")){let shown=0;for(const c of g.querySelectorAll("li[data-name]")){const m=!q||c.dataset.name.includes(q);c.hidden=!m;if(m)shown++}g.hidden=shown===0;if(shown)any=true}none.hidden=any})}
""";

    public static string Hash { get; } = ContentSecurityPolicy.HashOf(Js);
}
