# en/ar/fa/tr/uk/ru langSecs of integration.tbx: how many name a source that is neither a kisync draft nor "official name"
/<langSec xml:lang="(en|ar|fa|tr|uk|ru)">/ { match($0, /lang="[a-z]+"/); l = substr($0, RSTART + 6, 2); total[l]++; named = 0 }
/<admin type="source">/ && l != "" && !/needs review/ && !/official name/ { named = 1 }
/<\/langSec>/ && l != "" { if (named) sourced[l]++; l = "" }
END { for (k in total) printf "%s: %d of %d concepts with a named source\n", k, sourced[k], total[k] }
