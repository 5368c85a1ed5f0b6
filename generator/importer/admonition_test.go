package importer

import "testing"

func TestNotes(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
		turned         int
	}{
		{"Docusaurus, with a title", ":::tip Guest posts\nWrite to [us](/contact/).\n:::\n", "> **Guest posts**\n>\n> Write to [us](/contact/).\n", 1},
		{"Docusaurus, a title ending in a colon", ":::note For more Ent news and updates:\n\n- Follow us.\n\n:::\n", "> **For more Ent news and updates:**\n>\n> - Follow us.\n", 1},
		{"a title with a colon in it", ":::info Note: read this\nText.\n:::\n", "> **Note: read this**\n>\n> Text.\n", 1},
		{"Docusaurus 3, a title in brackets", ":::note[Heads up]\nText.\n:::\n", "> **Heads up**\n>\n> Text.\n", 1},
		{"VitePress, its kind alone", "Before.\n\n::: info\nText.\n:::\nAfter.\n", "Before.\n\n> **Info**\n>\n> Text.\n\nAfter.\n", 1},
		{"nested, with more colons", "::::warning\nOuter.\n:::tip\nInner.\n:::\n::::\n", "> **Warning**\n>\n> Outer.\n> > **Tip**\n> >\n> > Inner.\n", 2},
		{"code in it", ":::note\n```yaml\na: 1\n:::\n```\n:::\n", "> **Note**\n>\n> ```yaml\n> a: 1\n> :::\n> ```\n", 1},
		{"a code group loses its marks", "::: code-group\n```sh [npm]\nnpm i\n```\n:::\n", "```sh [npm]\nnpm i\n```\n", 1},
		{"MkDocs, with a title", "!!! tip \"Guest Posts\"\n\n    Write to [us](/contact/).\n    More.\n\nAfter.\n", "> **Guest Posts**\n>\n> Write to [us](/contact/).\n> More.\n\nAfter.\n", 1},
		{"MkDocs folded", "???+ note\n    Text.\n", "> **Note**\n>\n> Text.\n", 1},
		{"never closed", ":::tip\nText.\n", ":::tip\nText.\n", 0},
		{"in code", "```\n:::tip\nx\n:::\n```\n", "```\n:::tip\nx\n:::\n```\n", 0},
		{"a ratio in text", "The odds were 3:::1.\n", "The odds were 3:::1.\n", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, turned := notes(tc.in)
			if got != tc.want || turned != tc.turned {
				t.Errorf("notes(%q) =\n%q, %d\nwant\n%q, %d", tc.in, got, turned, tc.want, tc.turned)
			}
		})
	}
}
