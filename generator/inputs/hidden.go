package inputs

import "strings"

// Hidden says whether a file or folder named name is hidden: its name
// starts with a dot (.git, an editor's swap files and lock links). A
// build leaves it out of the content folder, and all a hidden folder
// holds; what finds the inputs changed (the list of files hashed, the
// watcher, the history read from git) leaves out the same, by this one
// rule, or a change to a file no build reads would make it build again,
// and one to a file it reads could go unseen.
func Hidden(name string) bool { return strings.HasPrefix(name, ".") }
