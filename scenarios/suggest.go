package scenarios

// This file finds the word a misspelt one was probably meant to be, for error
// messages that name it ("did you mean stopped?").

// likelyWord returns the word of choices closest to w by edit distance, if it
// is close enough to be a misspelling (at most a third of its letters, and at
// least one, differ), or "".
func likelyWord(w string, choices []string) string {
	best, bestD := "", len(w)/3+1
	for _, c := range choices {
		if d := editDistance(w, c); d <= bestD && (best == "" || d < editDistance(w, best)) {
			best, bestD = c, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, by bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
