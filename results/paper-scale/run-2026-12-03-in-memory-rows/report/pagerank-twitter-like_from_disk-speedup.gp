# pagerank on twitter-like from disk: the paper's Figure 1 lesson. Written by cost report. Redraw with: gnuplot pagerank-twitter-like_from_disk-speedup.gp

set logscale x 2
set xrange [0.8:2.5]
set xlabel 'cores (threads x processes)'
set ylabel 'speed-up'
set yrange [0:*]
set key top left box noenhanced
set grid lc rgb '#dddddd'

set terminal svg size 1000,420 font 'DejaVu Sans,11' background '#ffffff' noenhanced
set output 'pagerank-twitter-like_from_disk-speedup.svg'
set multiplot layout 1,2 title 'pagerank on twitter-like from disk'
set title 'speed-up vs its own 1-core time'
plot 'pagerank-twitter-like_from_disk-speedup.dat' index 0 using 1:2 with linespoints lw 2 pt 7 title 'openmp:pagerank', \
     x with lines dt 2 lc rgb '#888888' title 'linear'
set title 'speed-up vs the best single thread (serial:pagerank-hilbert-compressed)'
plot 'pagerank-twitter-like_from_disk-speedup.dat' index 0 using 1:3 with linespoints lw 2 pt 7 title 'openmp:pagerank', \
     1 with lines dt 2 lw 2 lc rgb '#222222' title 'best single thread'
unset multiplot
unset output

set terminal pngcairo size 1000,420 font 'DejaVu Sans,10' background '#ffffff' noenhanced
set output 'pagerank-twitter-like_from_disk-speedup.png'
set multiplot layout 1,2 title 'pagerank on twitter-like from disk'
set title 'speed-up vs its own 1-core time'
plot 'pagerank-twitter-like_from_disk-speedup.dat' index 0 using 1:2 with linespoints lw 2 pt 7 title 'openmp:pagerank', \
     x with lines dt 2 lc rgb '#888888' title 'linear'
set title 'speed-up vs the best single thread (serial:pagerank-hilbert-compressed)'
plot 'pagerank-twitter-like_from_disk-speedup.dat' index 0 using 1:3 with linespoints lw 2 pt 7 title 'openmp:pagerank', \
     1 with lines dt 2 lw 2 lc rgb '#222222' title 'best single thread'
unset multiplot
unset output
