# pagerank on uk-like from disk: preparation time beside kernel time per edge layout. Written by cost report.
# Redraw with: gnuplot pagerank-uk-like_from_disk-preparation.gp

set title 'preparation vs kernel time: pagerank on uk-like from disk'
set style data histogram
set style histogram cluster gap 1
set style fill solid 0.8 border -1
set boxwidth 0.9
set ylabel 'seconds'
set yrange [0:*]
set datafile missing '-'
set key top left box noenhanced
set grid ytics lc rgb '#dddddd'

set terminal svg size 640,400 font 'DejaVu Sans,11' background '#ffffff' noenhanced
set output 'pagerank-uk-like_from_disk-preparation.svg'
plot 'pagerank-uk-like_from_disk-preparation.dat' using 2:xtic(1) title 'preparation' lc rgb '#aa5500', \
     'pagerank-uk-like_from_disk-preparation.dat' using 3 title 'best single thread' lc rgb '#222222', \
     'pagerank-uk-like_from_disk-preparation.dat' using 4 title 'best parallel' lc rgb '#0055aa'

set terminal pngcairo size 640,400 font 'DejaVu Sans,10' background '#ffffff' noenhanced
set output 'pagerank-uk-like_from_disk-preparation.png'
replot
unset output
