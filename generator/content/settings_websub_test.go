package content

import (
	"slices"
	"testing"
)

func TestLoadWebSubHubs(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want []string
	}{
		{name: "none", yaml: lines("title: Bulletin"), want: nil},
		{name: "one", yaml: lines("websub_hub: https://pubsubhubbub.appspot.com/"), want: []string{"https://pubsubhubbub.appspot.com/"}},
		{
			name: "a list, in the order written",
			yaml: lines("websub_hub:", "  - https://websub.example.net/hub", "  - https://pubsubhubbub.appspot.com/"),
			want: []string{"https://websub.example.net/hub", "https://pubsubhubbub.appspot.com/"},
		},
		{name: "a flow list", yaml: lines("websub_hub: [http://127.0.0.1:8081/hub]"), want: []string{"http://127.0.0.1:8081/hub"}},
		{name: "an empty list", yaml: lines("websub_hub: []"), want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set := mustLoad(t, files(map[string]string{"site.yaml": tt.yaml}))
			if got := set.Settings.WebSubHubs; !slices.Equal(got, tt.want) {
				t.Errorf("site.yaml:\n%s\ngot WebSubHubs %q, want %q", tt.yaml, got, tt.want)
			}
		})
	}
}

func TestLoadWebSubHubsErrors(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want []string
	}{
		{
			name: "not a URL",
			yaml: lines("title: Bulletin", "websub_hub: pubsubhubbub.appspot.com"),
			want: []string{`content/site.yaml:2: websub_hub: "pubsubhubbub.appspot.com" is not an absolute http(s) URL: write it like https://pubsubhubbub.appspot.com/`},
		},
		{
			name: "another scheme, in a list",
			yaml: lines("websub_hub:", "  - https://pubsubhubbub.appspot.com/", "  - ftp://hub.example.org/"),
			want: []string{`content/site.yaml:3: websub_hub: "ftp://hub.example.org/" is not an absolute http(s) URL: write it like https://pubsubhubbub.appspot.com/`},
		},
		{
			name: "empty",
			yaml: lines("websub_hub:"),
			want: []string{"content/site.yaml:1: websub_hub: got empty, want a hub's URL, or a list of them, such as https://pubsubhubbub.appspot.com/"},
		},
		{
			name: "a map",
			yaml: lines("websub_hub:", "  url: https://pubsubhubbub.appspot.com/"),
			want: []string{"content/site.yaml:2: websub_hub: got a map, want a hub's URL, or a list of them, such as https://pubsubhubbub.appspot.com/"},
		},
		{
			name: "characters a URL cannot hold as written",
			yaml: lines("websub_hub:", "  - https://hub.example/a b", "  - https://hub.example/?q=x><y"),
			want: []string{
				`content/site.yaml:2: websub_hub: "https://hub.example/a b" holds " ", which a URL cannot hold as written, and the feeds' Link headers and links would break on it: percent-encode it (a space is %20)`,
				`content/site.yaml:3: websub_hub: "https://hub.example/?q=x><y" holds ">", which a URL cannot hold as written, and the feeds' Link headers and links would break on it: percent-encode it (a space is %20)`,
			},
		},
		{
			name: "a password or fragment",
			yaml: lines("websub_hub:", "  - https://user:s3cret@hub.example/", "  - https://hub.example/#top"),
			want: []string{
				`content/site.yaml:2: websub_hub: "https://user:s3cret@hub.example/" has a user name, password or fragment, which every feed and the Link headers would publish: write https://hub.example/`,
				`content/site.yaml:3: websub_hub: "https://hub.example/#top" has a user name, password or fragment, which every feed and the Link headers would publish: write https://hub.example/`,
			},
		},
		{
			name: "listed twice",
			yaml: lines("websub_hub:", "  - https://pubsubhubbub.appspot.com/", "  - https://pubsubhubbub.appspot.com/"),
			want: []string{`content/site.yaml:3: websub_hub: "https://pubsubhubbub.appspot.com/" is listed twice: list each hub once`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := loadErrors(t, files(map[string]string{"site.yaml": tt.yaml}))
			checkErrors(t, tt.yaml, got, tt.want)
		})
	}
}
