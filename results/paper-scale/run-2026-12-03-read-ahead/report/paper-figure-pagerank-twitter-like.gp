# The paper's picture for pagerank: published systems (points) and this run's single threads (lines). Written by cost report. Redraw with: gnuplot paper-figure-pagerank-twitter-like.gp

set logscale xy
set xrange [0.7:256]
set yrange [35.2892943:9480]
set xlabel 'cores'
set ylabel 'seconds (twitter_rv published, twitter-like measured)'
set title 'pagerank: the paper''s systems on twitter_rv against one thread of this machine on twitter-like'
set key outside bottom center vertical box noenhanced
set grid lc rgb '#dddddd'
set label 1 'GraphChi 3160 s' at 2,3160 offset char 0.8,0.5 font ',9' noenhanced
set label 2 'Stratosphere 2250 s' at 16,2250 offset char 0.8,0.5 font ',9' noenhanced
set label 3 'X-Stream 1488 s' at 16,1488 offset char 0.8,0.5 font ',9' noenhanced
set label 4 'Spark 857 s' at 128,857 offset char 0.8,0.5 font ',9' noenhanced
set label 5 'Giraph 596 s' at 128,596 offset char 0.8,0.5 font ',9' noenhanced
set label 6 'GraphLab 249 s' at 128,249 offset char 0.8,0.5 font ',9' noenhanced
set label 7 'GraphX 419 s' at 128,419 offset char 0.8,0.5 font ',9' noenhanced
set label 8 'single thread (SSD) 300 s' at 1,300 offset char 0.8,0.5 font ',9' noenhanced
set label 9 'single thread (RAM) 275 s' at 1,247.918422 offset char 0.8,0.5 font ',9' noenhanced
set label 10 'Hilbert (SSD) 242 s' at 1,204.87848 offset char 0.8,0.5 font ',9' noenhanced
set label 11 'Hilbert (RAM) 110 s' at 1,110 offset char 0.8,0.5 font ',9' noenhanced

set terminal svg size 900,640 font 'DejaVu Sans,11' background '#ffffff' noenhanced
set output 'paper-figure-pagerank-twitter-like.svg'
plot 'paper-figure-pagerank-twitter-like.dat' index 0 using 1:2 with points pt 7 ps 1.4 lc rgb '#c0392b' title 'published systems', \
     'paper-figure-pagerank-twitter-like.dat' index 1 using 1:2 with points pt 5 ps 1.2 lc rgb '#7d3c98' title 'published single threads (the paper''s laptop)', \
     106.875071 with lines lw 2 dt 2 lc rgb '#1e8449' title 'this run, 1 thread, hilbert order, disk: serial:pagerank-stream 107 s', \
     105.867883 with lines lw 2 dt 1 lc rgb '#1e8449' title 'this run, 1 thread, hilbert order, RAM: serial:pagerank-stream 106 s'

set terminal pngcairo size 900,640 font 'DejaVu Sans,10' background '#ffffff' noenhanced
set output 'paper-figure-pagerank-twitter-like.png'
replot
unset output
