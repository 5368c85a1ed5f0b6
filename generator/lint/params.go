package lint

import (
	"fmt"
	"maps"
	"slices"

	"bulletin/generator/content"
	"bulletin/generator/render"
)

// themeParams warns of a name the theme's templates ask site.yaml's
// params for, which params lacks while it has one near it: a template
// shows nothing for a setting not given, as a theme's optional one is
// meant to, so a slip on either side goes unseen. Where the template is
// right and site.yaml wrong, the setting there no template asks for is
// named with it; such a setting is told at its line in site.yaml
// otherwise. Where whole says a template reads every setting (ranges
// over params), none is one no template asks for. file is site.yaml, as
// the editor knows it.
func themeParams(asked []render.ThemeParam, whole bool, s *content.Settings, file string) content.Errors {
	set := slices.Sorted(maps.Keys(s.Params))
	askedFor := map[string]render.ThemeParam{}
	for _, p := range asked {
		if _, ok := askedFor[p.Name]; !ok {
			askedFor[p.Name] = p
		}
	}
	var found content.Errors
	told := map[string]bool{} // settings named in a template's warning
	for _, p := range asked {
		if _, ok := s.Params[p.Name]; ok {
			continue
		}
		near := content.Closest(p.Name, set)
		if near == "" {
			continue
		}
		told[near] = true
		also := ""
		if _, ok := askedFor[near]; !ok && !whole {
			also = ", which no template asks for"
		}
		found = append(found, &content.Error{File: p.File, Line: p.Line, Warning: true,
			Msg: fmt.Sprintf("Params.%s: site.yaml's params sets no %s, so the template shows nothing for it: did you mean %s, set at %s:%d%s?", p.Name, p.Name, near, file, content.ParamLine(s, near), also)})
	}
	if whole {
		return found
	}
	names := slices.Sorted(maps.Keys(askedFor))
	for _, name := range set {
		if _, ok := askedFor[name]; ok || told[name] {
			continue
		}
		near := content.Closest(name, names)
		if near == "" {
			continue
		}
		p := askedFor[near]
		found = append(found, &content.Error{File: file, Line: content.ParamLine(s, name), Warning: true,
			Msg: fmt.Sprintf("params.%s: no template asks for it: did you mean %s, which %s:%d asks for?", name, near, p.File, p.Line)})
	}
	return found
}
