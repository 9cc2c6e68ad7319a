if [[ $x =~ (a)(b) ]]; then npx prisma db push; fi
[[ $y =~ ^(v|w)+$ && ( -n $z ) ]] || echo "${BASH_REMATCH[1]}"
[[ $a =~ (b c) ]]
