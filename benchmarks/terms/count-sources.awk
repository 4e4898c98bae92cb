# langSecs of integration.tbx: per language, how many concepts have an approved term whose source is
# neither a kisync draft/research note ("needs review") nor "official name" (a deprecated or superseded
# term seen on a page does not count), out of all concepts; the interpreter-pool languages
# (ps, ti, kmr, fa-AF, ckb) have a langSec only where a published page was found
/<conceptEntry/ { concepts++ }
/<langSec xml:lang="/ { match($0, /lang="[^"]+"/); l = substr($0, RSTART + 6, RLENGTH - 7); named = 0 }
/<termSec>/ { wrong = 0 }
/administrativeStatus">(deprecated|superseded)/ { wrong = 1 }
/<\/termSec>/ { wrong = 0 }
/<admin type="source">/ && l != "" && !wrong && !/needs review/ && !/official name/ { named = 1 }
/<\/langSec>/ && l != "" { if (named) sourced[l]++; else sourced[l] += 0; l = "" }
END { for (k in sourced) if (k != "de") printf "%s: %d of %d concepts with a named source\n", k, sourced[k], concepts }
