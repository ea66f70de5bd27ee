/* mkcorpus: write a Jekyll site of N posts shaped like the Chinese financial
 * news feedgen is built for, for `make bench`.
 *
 *   mkcorpus DIR N [SEED] [--features]
 *
 * Each post: front matter with a CJK title, a +0800 date spread over ten
 * years, one of 40 categories drawn with a Zipf spread, 1-3 tags; a body of
 * 6-12 HTML paragraphs of CJK text (5-8 KB), a source autolink and a footer
 * of protocol-relative Markdown links. The same N and SEED give the same
 * bytes: the generator is a fixed splitmix64, not the C library's rand().
 *
 * --features: every post also uses what real Jekyll posts use beyond that
 * shape — Liquid (outputs with filters, assign, if, for, capture, raw,
 * highlight, include) and kramdown (footnotes, attribute lists, a definition
 * list, a table, fenced code, smart quotes and dashes) — with an
 * _includes/note.html, so `make bench` can time that rendering too. */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static const char *const places[] = {
	"qingdao", "beijing", "shanghai", "shenzhen", "guangzhou", "tianjin", "chongqing",
	"hangzhou", "nanjing", "wuhan", "chengdu", "xiamen", "jinan", "dalian", "ningbo",
	"suzhou", "changsha", "zhengzhou", "xian", "hefei",
};
static const char *const papers[] = {"caijingribao", "wanbao"};
static const char *const words[] = {
	"经济", "发展", "企业", "市场", "产业", "政策", "投资", "金融", "服务", "创新",
	"改革", "建设", "项目", "资金", "增长", "数据", "管理", "技术", "人才", "平台",
	"合作", "推动", "提升", "实现", "加快", "支持", "持续", "稳定", "消费", "制造业",
	"，", "，", "、", "；",
};
static const char *const tags[] = {
	"宏观经济", "股市", "港股", "基金", "债券", "银行", "保险", "房地产", "新能源",
	"科技", "消费", "外贸", "乡村振兴", "人力资源", "上市公司", "数字经济",
};

#define NWORDS (sizeof words / sizeof words[0])
#define NTAGS (sizeof tags / sizeof tags[0])
#define NCATS 40

static uint64_t next(uint64_t *s)
{
	uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

static unsigned below(uint64_t *s, unsigned n)
{
	return (unsigned)(next(s) % n);
}

/* Zipf over NCATS categories: weight 1/k, drawn from the cumulative sums. */
static unsigned zipf(uint64_t *s, const double *cum)
{
	double u = (double)(next(s) >> 11) / 9007199254740992.0 * cum[NCATS - 1];
	for (unsigned k = 0; k < NCATS; k++)
		if (u < cum[k])
			return k;
	return NCATS - 1;
}

static void category(unsigned k, char *out, size_t size)
{
	snprintf(out, size, "%s%s", places[k % 20], papers[k / 20]);
}

static void sentence(FILE *f, uint64_t *s, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		fputs(words[below(s, NWORDS)], f);
}

/* What --features adds to a post: Liquid first (Jekyll renders it before
 * Markdown), then kramdown's extensions. */
static void write_features(FILE *f, uint64_t *s, unsigned i)
{
	fputs("\n{% assign n = page.tags | size %}{% capture lead %}", f);
	sentence(f, s, 8);
	fputs("{% endcapture %}\n{{ lead | strip | truncate: 40 }} ({{ n }})\n\n", f);
	fputs("{% if page.categories contains \"qingdaowanbao\" %}本地{% else %}外地{% endif %}"
	      "{% for t in page.tags %} [{{ t }}]({{ site.url }}/tag/{{ t | slugify }}/)"
	      "{% unless forloop.last %},{% endunless %}{% endfor %}\n\n", f);
	fputs("{% include note.html text=\"提示\" %}\n\n", f);
	fprintf(f, "\"%s\" -- it's 2015--2025... see[^n%u].\n{: .lead #p%u}\n\n", words[below(s, NWORDS)],
		i, i);
	fputs("| 指标 | 数值 |\n|------|-----:|\n| 增长 | 5.2% |\n| 投资 | 3.1% |\n\n", f);
	fputs("市场\n: 买卖双方交易的场所\n\n", f);
	fputs("{% highlight ruby linenos %}\nputs \"{{ page.slug }}\"\n{% endhighlight %}\n\n", f);
	fputs("{% raw %}{{ kept }}{% endraw %}\n\n~~~ python\nprint(\"x\")\n~~~\n\n", f);
	fprintf(f, "[^n%u]: ", i);
	sentence(f, s, 12);
	fputs("\n", f);
}

static int write_post(const char *dir, unsigned i, uint64_t *s, const double *cum, bool features)
{
	/* Ten years of seconds from 2015-01-01T00:00:00+08:00. */
	long long t = 1420041600LL + (long long)(next(s) % 315360000ULL);
	time_t tt = (time_t)(t + 8 * 3600);
	struct tm tm;
	gmtime_r(&tt, &tm);
	char cat[64], path[4096];
	category(zipf(s, cum), cat, sizeof cat);
	snprintf(path, sizeof path, "%s/_posts/%04d-%02d-%02d-NW%04d%02d%02d%08u.md", dir,
		 tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_year + 1900, tm.tm_mon + 1,
		 tm.tm_mday, i);
	FILE *f = fopen(path, "w");
	if (!f)
		return -1;
	fputs("---\nlayout: post\ntitle: \"", f);
	sentence(f, s, 4 + below(s, 6));
	fprintf(f, "\"\ndate: %04d-%02d-%02d %02d:%02d:%02d +0800\ncategories: %s\ntags:",
		tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, cat);
	unsigned ntags = 1 + below(s, 3);
	for (unsigned k = 0; k < ntags; k++)
		fprintf(f, " %s", tags[below(s, NTAGS)]);
	fputs("\n---\n", f);
	unsigned paras = 6 + below(s, 7);
	for (unsigned p = 0; p < paras; p++) {
		fputs(" <p>", f);
		sentence(f, s, 90 + below(s, 60));
		fputs("。</p>\n", f);
	}
	fprintf(f, "\n<http://source.example.com/News.html?infoCode=NW%08u,p=1>\n\n", i);
	fprintf(f, "[返回%s](//finews.example.com/category/%s.html)｜[返回首页](//finews.example.com/)\n",
		cat, cat);
	if (features)
		write_features(f, s, i);
	return fclose(f);
}

int main(int argc, char **argv)
{
	bool features = argc > 1 && strcmp(argv[argc - 1], "--features") == 0;
	if (features)
		argc--;
	if (argc < 3) {
		fprintf(stderr, "usage: mkcorpus DIR N [SEED] [--features]\n");
		return 2;
	}
	const char *dir = argv[1];
	unsigned n = (unsigned)strtoul(argv[2], NULL, 10);
	uint64_t seed = argc > 3 ? strtoull(argv[3], NULL, 10) : 20261126;
	char path[4096];
	snprintf(path, sizeof path, "%s/_posts", dir);
	if ((mkdir(dir, 0777) != 0 && errno != EEXIST) || (mkdir(path, 0777) != 0 && errno != EEXIST)) {
		perror(path);
		return 1;
	}
	snprintf(path, sizeof path, "%s/_config.yml", dir);
	FILE *c = fopen(path, "w");
	if (!c) {
		perror(path);
		return 1;
	}
	fputs("title: 财经新闻\ndescription: 地方财经新闻\nurl: https://finews.example.com\n"
	      "lang: zh-CN\ntimezone: Asia/Shanghai\n", c);
	fclose(c);
	if (features) {
		snprintf(path, sizeof path, "%s/_includes", dir);
		FILE *inc = NULL;
		if (mkdir(path, 0777) == 0 || errno == EEXIST) {
			snprintf(path, sizeof path, "%s/_includes/note.html", dir);
			inc = fopen(path, "w");
		}
		if (!inc) {
			perror(path);
			return 1;
		}
		fputs("<aside class=\"note\">{{ include.text | escape }}</aside>\n", inc);
		fclose(inc);
	}
	double cum[NCATS], sum = 0;
	for (unsigned k = 0; k < NCATS; k++)
		cum[k] = (sum += 1.0 / (k + 1));
	uint64_t s = seed;
	for (unsigned i = 0; i < n; i++)
		if (write_post(dir, i, &s, cum, features) != 0) {
			perror(dir);
			return 1;
		}
	return 0;
}
