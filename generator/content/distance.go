package content

// Distance is the edit distance between a and b: the fewest letters to
// insert, delete, replace or swap with the next one to make one of the
// other, so that "DHCS" is one from "DHSC". Each letter is swapped at
// most once.
func Distance(a, b string) int {
	x, y := []rune(a), []rune(b)
	// rows[i%3][j] is the distance between x[:i] and y[:j].
	var rows [3][]int
	for k := range rows {
		rows[k] = make([]int, len(y)+1)
	}
	for j := range rows[0] {
		rows[0][j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur, prev, before := rows[i%3], rows[(i-1)%3], rows[(i+1)%3]
		cur[0] = i
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				cur[j] = min(cur[j], before[j-2]+1)
			}
		}
	}
	return rows[len(x)%3][len(y)]
}
