// Shows, while typing, how many characters a report field will hold once saved (line ends counted once, as stored).
// Optional: without it the count is shown after "Preview".
(() => {
    const format = new Intl.NumberFormat(document.documentElement.lang || undefined);
    for (const field of document.querySelectorAll('textarea[data-limit]')) {
        const count = document.getElementById(field.id + '_count');
        if (!count || !count.dataset.template) continue;
        const limit = Number(field.dataset.limit);
        const update = () => {
            const length = field.value.replace(/\r\n?/g, '\n').trim().length;
            count.textContent = count.dataset.template.replace('{0}', format.format(length)).replace('{1}', format.format(limit));
            count.classList.toggle('over', length > limit);
        };
        field.addEventListener('input', update);
        update();
    }
})();
